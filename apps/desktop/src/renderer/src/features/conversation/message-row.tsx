import { memo, useState } from 'react';
import { actions } from '../../actions/app-actions';
import { useApp } from '../../stores/app-store';
import type { ConversationKey } from '@parley/shared';
import type { UiMessage } from '../../stores/message-list';
import { formatDay, formatTime, fullName, notSentLabel } from '../../lib/format';
import { Avatar } from '../../ui/avatar';
import { MessageText } from './message-text';
import { MessageActions } from '../message-changes/message-actions';
import { MessageEditBox } from '../message-changes/message-edit-box';
import { ReactionChips } from '../message-changes/reaction-chips';
import '../message-changes/message-changes.css';
import { MessageAttachments } from '../attachments/message-attachments';

export const MessageRow = memo(function MessageRow({
  message,
  showHeader,
  conversation,
  focused = false,
}: {
  message: UiMessage;
  showHeader: boolean;
  conversation: ConversationKey;
  /** The message a search result opened: marked until another place is opened. */
  focused?: boolean;
}) {
  const author = useApp((s) => (message.authorId === null ? null : s.users[message.authorId] ?? (s.self?.user_id === message.authorId ? s.self : undefined)));
  const name = message.authorId === null ? 'Parley Bot' : author ? fullName(author) : 'Unknown user';
  const time = formatTime(message.timestamp);
  const selfId = useApp((s) => s.self?.user_id ?? null);
  const [editing, setEditing] = useState(false);
  const classes = ['message', showHeader ? 'with-header' : 'continued', message.status, message.deleted ? 'deleted' : '', focused ? 'focused' : ''].filter(Boolean).join(' ');
  // Rooms and groups only: the bot chat's lines stay as written.
  const changeable = message.id !== null && !message.deleted && message.status === 'sent' && conversation !== 'bot';
  const own = changeable && message.authorId !== null && message.authorId === selfId;
  return (
    <article className={classes} aria-label={`${name}, ${time}`} aria-current={focused ? 'location' : undefined}>
      <div className="message-gutter">
        {showHeader ? (
          <Avatar user={message.authorId === null ? null : author ?? { user_id: message.authorId, first_name: '?', last_name: '' }} />
        ) : (
          <time className="message-hover-time" dateTime={message.timestamp}>
            {time}
          </time>
        )}
      </div>
      <div className="message-body">
        {showHeader ? (
          <div className="message-meta">
            <span className="message-author">{name}</span>
            <time dateTime={message.timestamp} title={`${formatDay(message.timestamp)} ${time}`}>
              {time}
            </time>
          </div>
        ) : null}
        {message.deleted ? (
          <div className="message-text message-deleted">Message deleted</div>
        ) : editing && message.id !== null ? (
          <MessageEditBox conversation={conversation} messageId={message.id} initial={message.text} onDone={() => setEditing(false)} />
        ) : message.editedAt ? (
          <div className="message-text-line">
            <MessageText text={message.text} />
            <span className="message-edited" title={`Edited ${formatDay(message.editedAt)} ${formatTime(message.editedAt)}`}>
              (edited)
            </span>
          </div>
        ) : message.text !== '' || !message.attachments ? (
          <MessageText text={message.text} />
        ) : null}
        {message.attachments && !message.deleted ? <MessageAttachments attachments={message.attachments} /> : null}
        {message.id !== null && !message.deleted ? (
          <ReactionChips reactions={message.reactions} messageId={message.id} conversation={conversation} />
        ) : null}
        {message.status === 'pending' ? <span className="message-status">Sending…</span> : null}
        {message.status === 'failed' ? (
          <span className="message-status failed" role="status">
            {notSentLabel(message.error)}{' '}
            <button type="button" className="link-button" onClick={() => message.clientId && void actions.retry(conversation, message.clientId)}>
              Retry
            </button>
          </span>
        ) : null}
      </div>
      {changeable && !editing && message.id !== null ? (
        <MessageActions conversation={conversation} messageId={message.id} own={own} onEdit={() => setEditing(true)} />
      ) : null}
    </article>
  );
});

export function DaySeparator({ timestamp }: { timestamp: string }) {
  return (
    <div className="day-separator" role="separator">
      <span>{formatDay(timestamp)}</span>
    </div>
  );
}
