import { useApp } from '../../stores/app-store';
import { groupKey } from '@parley/shared';
import { SidebarItem } from './sidebar-item';

export function GroupItem({ groupId }: { groupId: number }) {
  const name = useApp((s) => s.groups[groupId]?.chat_group_name);
  if (name === undefined) return null;
  return (
    <SidebarItem
      conversation={groupKey(groupId)}
      label={name}
      leading={
        <span className="sidebar-hash" aria-hidden="true">
          #
        </span>
      }
    />
  );
}
