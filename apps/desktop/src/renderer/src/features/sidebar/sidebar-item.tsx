import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { withMentionNames } from '@parley/shared';
import { useApp } from '../../stores/app-store';
import { fullName } from '../../lib/format';
import type { ConversationKey } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import './sidebar-draft.css';
import { useRovingFocus } from './conversation-listbox';

/** One conversation in a sidebar listbox; its accessible name is the label then "N unread". */
export function SidebarItem({ conversation, label, leading, trailing }: { conversation: ConversationKey; label: string; leading: ReactNode; trailing?: ReactNode }) {
  const unread = useApp((s) => s.unread[conversation] ?? 0);
  const mentions = useApp((s) => (unread > 0 ? (s.mentions[conversation] ?? 0) : 0));
  const active = useApp((s) => s.active === conversation);
  // The open conversation's draft is in its composer; the others show theirs here.
  const draft = useApp((s) => {
    const text = s.active === conversation ? '' : (s.drafts[conversation] ?? '').trim();
    return withMentionNames(text, (id) => {
      const user = s.users[id];
      return user ? fullName(user) : null;
    });
  });
  const draftId = useId();
  const roving = useRovingFocus();
  const classes = ['sidebar-item', active ? 'active' : '', unread > 0 ? 'has-unread' : '', draft ? 'has-draft' : ''].join(' ');
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
      aria-describedby={draft ? draftId : undefined}
      tabIndex={roving.tabbable === conversation ? 0 : -1}
      onFocus={() => roving.focused(conversation)}
      onClick={open}
      onKeyDown={onKeyDown}
    >
      {leading}
      {draft ? (
        <span className="sidebar-label with-draft">
          <span className="sidebar-name">{label}</span>
          {/* A description, not part of the name: "Bob Babbage 2 unread" stays what it was. */}
          <span className="sidebar-draft" id={draftId} aria-hidden="true">
            <span className="sidebar-draft-tag">Draft:</span> {draft.split('\n')[0]}
          </span>
        </span>
      ) : (
        <span className="sidebar-label">{label}</span>
      )}
      {trailing}
      {mentions > 0 ? (
        <span className="mention-badge">
          <span aria-hidden="true">@{mentions > 9 ? '9+' : mentions}</span>
          <span className="visually-hidden">{mentions === 1 ? '1 mention' : `${mentions} mentions`}</span>
        </span>
      ) : null}
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
