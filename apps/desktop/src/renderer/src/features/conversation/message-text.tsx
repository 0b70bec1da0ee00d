import { memo } from 'react';
import { bridge } from '../../bridge';
import { linkify } from '../../lib/links';

/** Message text as text; http(s) links open outside the app. Never parsed as markup. */
export const MessageText = memo(function MessageText({ text }: { text: string }) {
  return (
    <div className="message-text">
      {linkify(text).map((segment, i) =>
        segment.kind === 'text' ? (
          <span key={i}>{segment.text}</span>
        ) : (
          <a
            key={i}
            href={segment.url}
            rel="noopener noreferrer"
            target="_blank"
            onClick={(e) => {
              e.preventDefault();
              void bridge.ui.openExternal(segment.url);
            }}
          >
            {segment.text}
          </a>
        ),
      )}
    </div>
  );
});
