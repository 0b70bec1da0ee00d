import type { ReactNode } from 'react';
import { useApp } from '../../stores/app-store';
import type { ConversationKey } from '@parley/shared';
import { actions } from '../../actions/app-actions';

/** One conversation in the sidebar; its accessible name is the label then "N unread". */
export function SidebarItem({ conversation, label, leading, trailing }: { conversation: ConversationKey; label: string; leading: ReactNode; trailing?: ReactNode }) {
  const unread = useApp((s) => s.unread[conversation] ?? 0);
  const active = useApp((s) => s.active === conversation);
  const classes = ['sidebar-item', active ? 'active' : '', unread > 0 ? 'has-unread' : ''].join(' ');
  return (
    <li>
      <button type="button" className={classes} aria-current={active ? 'page' : undefined} onClick={() => void actions.open(conversation)}>
        {leading}
        <span className="sidebar-label">{label}</span>
        {trailing}
        {unread > 0 ? (
          <>
            {' '}
            <span className="unread-badge">
              <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
              <span className="visually-hidden">{unread} unread</span>
            </span>
          </>
        ) : null}
      </button>
    </li>
  );
}
