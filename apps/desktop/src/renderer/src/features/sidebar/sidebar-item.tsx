import type { KeyboardEvent, ReactNode } from 'react';
import { useApp } from '../../stores/app-store';
import type { ConversationKey } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { useRovingFocus } from './conversation-listbox';

/** One conversation in a sidebar listbox; its accessible name is the label then "N unread". */
export function SidebarItem({ conversation, label, leading, trailing }: { conversation: ConversationKey; label: string; leading: ReactNode; trailing?: ReactNode }) {
  const unread = useApp((s) => s.unread[conversation] ?? 0);
  const active = useApp((s) => s.active === conversation);
  const roving = useRovingFocus();
  const classes = ['sidebar-item', active ? 'active' : '', unread > 0 ? 'has-unread' : ''].join(' ');
  const open = () => void actions.open(conversation);
  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    open();
  }
  return (
    <li
      role="option"
      className={classes}
      aria-selected={active}
      tabIndex={roving.tabbable === conversation ? 0 : -1}
      onFocus={() => roving.focused(conversation)}
      onClick={open}
      onKeyDown={onKeyDown}
    >
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
    </li>
  );
}
