import type { UserSummary } from '@parley/shared';
import { avatarHue, initials } from '../lib/format';

export function Avatar({ user, size }: { user: UserSummary | null; size?: 'small' }) {
  const className = size === 'small' ? 'avatar small' : 'avatar';
  if (!user) {
    return (
      <span className={`${className} bot`} aria-hidden="true">
        ✦
      </span>
    );
  }
  return (
    <span className={className} aria-hidden="true" style={{ background: `hsl(${avatarHue(user.user_id)} 55% 52%)` }}>
      {initials(user)}
    </span>
  );
}
