import { memo } from 'react';
import { mentionSegments } from '@parley/shared';
import { linkify } from '../../lib/links';
import { fullName } from '../../lib/format';
import { useApp } from '../../stores/app-store';
import { ExternalLink } from '../../ui/external-link';
import './mentions.css';

/** A `<@id>` token, shown as the person's name as it is now; marked when it is you. */
function Mention({ userId }: { userId: number }) {
  const self = useApp((s) => s.self?.user_id === userId);
  const name = useApp((s) => {
    const user = s.users[userId] ?? (s.self?.user_id === userId ? s.self : undefined);
    return user ? fullName(user) : 'someone';
  });
  return <span className={self ? 'mention self' : 'mention'}>@{name}</span>;
}

/** Message text as text; mentions as names; http(s) links open outside the app. Never parsed as markup. */
export const MessageText = memo(function MessageText({ text }: { text: string }) {
  return (
    <div className="message-text">
      {mentionSegments(text).map((part, p) =>
        part.kind === 'mention' ? (
          <Mention key={p} userId={part.userId} />
        ) : (
          linkify(part.text).map((segment, i) =>
            segment.kind === 'text' ? (
              <span key={`${p}.${i}`}>{segment.text}</span>
            ) : (
              <ExternalLink key={`${p}.${i}`} href={segment.url} rel="noopener noreferrer" target="_blank">
                {segment.text}
              </ExternalLink>
            ),
          )
        ),
      )}
    </div>
  );
});
