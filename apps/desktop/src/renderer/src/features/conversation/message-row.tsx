import { memo } from 'react';
import { actions } from '../../actions/app-actions';
import { useApp } from '../../stores/app-store';
import type { ConversationKey } from '@parley/shared';
import type { UiMessage } from '../../stores/message-list';
import { formatDay, formatTime, fullName, notSentLabel } from '../../lib/format';
import { Avatar } from '../../ui/avatar';
import { MessageText } from './message-text';

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
  const classes = ['message', showHeader ? 'with-header' : 'continued', message.status, focused ? 'focused' : ''].join(' ');
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
        <MessageText text={message.text} />
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
