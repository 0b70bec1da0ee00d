import { useState } from 'react';
import { useApp, useAppShallow } from '../../stores/app-store';
import { fullName } from '../../lib/format';
import { Avatar } from '../../ui/avatar';
import { RenameGroupDialog } from './rename-group-dialog';

const shownAvatars = 5;

/** The group's name, who is here right now, and "Rename" for its author. */
export function GroupHeader({ groupId }: { groupId: number }) {
  const group = useApp((s) => s.groups[groupId]);
  const isAuthor = useApp((s) => s.groups[groupId]?.author_id === s.self?.user_id);
  const present = useAppShallow((s) => (s.presentByGroup[groupId] ?? []).map((id) => s.users[id]).filter((u) => u !== undefined));
  const [renaming, setRenaming] = useState(false);
  if (!group) return null;
  const names = present.map(fullName);
  return (
    <header className="pane-header">
      <span className="pane-hash" aria-hidden="true">
        #
      </span>
      <div className="pane-title">
        <h1>{group.chat_group_name}</h1>
        <p className="pane-subtitle">{group.member_count === 1 ? '1 member' : `${group.member_count} members`}</p>
      </div>
      <div className="present" aria-label={`Here now: ${names.join(', ') || 'nobody'}`} role="group">
        <span className="present-avatars" aria-hidden="true">
          {present.slice(0, shownAvatars).map((u) => (
            <Avatar key={u.user_id} user={u} size="small" />
          ))}
        </span>
        <span className="present-label">{present.length === 0 ? 'Nobody here' : `${present.length} here now`}</span>
        <ul className="visually-hidden">
          {names.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
      {isAuthor ? (
        <button type="button" className="button secondary small" onClick={() => setRenaming(true)}>
          Rename
        </button>
      ) : null}
      {renaming ? <RenameGroupDialog groupId={groupId} name={group.chat_group_name} onClose={() => setRenaming(false)} /> : null}
    </header>
  );
}
