import { memo } from 'react';
import { linkify } from '../../lib/links';
import { ExternalLink } from '../../ui/external-link';

/** Message text as text; http(s) links open outside the app. Never parsed as markup. */
export const MessageText = memo(function MessageText({ text }: { text: string }) {
  return (
    <div className="message-text">
      {linkify(text).map((segment, i) =>
        segment.kind === 'text' ? (
          <span key={i}>{segment.text}</span>
        ) : (
          <ExternalLink key={i} href={segment.url} rel="noopener noreferrer" target="_blank">
            {segment.text}
          </ExternalLink>
        ),
      )}
    </div>
  );
});
