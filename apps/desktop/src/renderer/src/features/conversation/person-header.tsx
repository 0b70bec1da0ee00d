import { useApp } from '../../stores/app-store';
import { fullName } from '../../lib/format';
import { Avatar } from '../../ui/avatar';

export function PersonHeader({ userId }: { userId: number }) {
  const user = useApp((s) => s.users[userId]);
  if (!user) return null;
  return (
    <header className="pane-header">
      <Avatar user={user} />
      <div className="pane-title">
        <h1>{fullName(user)}</h1>
        <p className="pane-subtitle">
          <span className={user.online ? 'status-dot online' : 'status-dot'} aria-hidden="true" />
          {user.online ? 'Online' : 'Offline'}
        </p>
      </div>
    </header>
  );
}

export function PersonIntro({ userId }: { userId: number }) {
  const user = useApp((s) => s.users[userId]);
  if (!user) return null;
  return (
    <div className="intro">
      <Avatar user={user} />
      <h2>{fullName(user)}</h2>
      <p>This is the beginning of your direct messages with {user.first_name}.</p>
    </div>
  );
}

export function GroupIntro({ groupId }: { groupId: number }) {
  const name = useApp((s) => s.groups[groupId]?.chat_group_name ?? 'this group');
  return (
    <div className="intro">
      <span className="pane-hash large" aria-hidden="true">
        #
      </span>
      <h2>Welcome to #{name}</h2>
      <p>This is the start of the group. Everyone can join and read along.</p>
    </div>
  );
}
