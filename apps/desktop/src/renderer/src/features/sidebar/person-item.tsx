import { useApp } from '../../stores/app-store';
import { userKey } from '@parley/shared';
import { fullName } from '../../lib/format';
import { Avatar } from '../../ui/avatar';
import { SidebarItem } from './sidebar-item';

export function PersonItem({ userId }: { userId: number }) {
  const user = useApp((s) => s.users[userId]);
  if (!user) return null;
  return (
    <SidebarItem
      conversation={userKey(userId)}
      label={fullName(user)}
      leading={
        <span className="sidebar-avatar">
          <Avatar user={user} size="small" />
          <span className={user.online ? 'presence-dot online' : 'presence-dot'} title={user.online ? 'Online' : 'Offline'} aria-hidden="true" />
        </span>
      }
    />
  );
}
