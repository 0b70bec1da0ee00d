import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { codePointLength, limits, messageTextSchema } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { appStore, useApp } from '../../stores/app-store';
import type { ConversationKey } from '@parley/shared';
import './composer.css';

// The counter appears once a message is close enough to the limit to matter.
const counterFrom = limits.messageMaxCodePoints - 500;
const maxHeightPx = 200;

/** Enter sends, Shift+Enter starts a new line; drafts are kept per conversation, across restarts. */
export function Composer({ conversation, placeholder }: { conversation: ConversationKey; placeholder: string }) {
  const text = useApp((s) => s.drafts[conversation] ?? '');
  const setDraft = (next: string) => appStore.getState().setDraft(conversation, next);
  const ref = useRef<HTMLTextAreaElement>(null);
  const length = codePointLength(text);
  const over = length > limits.messageMaxCodePoints;
  const sendable = messageTextSchema.safeParse(text).success;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, maxHeightPx)}px`;
  }, [text]);

  useLayoutEffect(() => {
    ref.current?.focus();
  }, [conversation]);

  function send() {
    if (!sendable) return;
    setDraft('');
    void actions.send(conversation, text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div className={over ? 'composer-box over' : 'composer-box'}>
        <textarea
          id="composer-input"
          ref={ref}
          rows={1}
          value={text}
          placeholder={placeholder}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={length >= counterFrom ? 'composer-counter' : undefined}
        />
        {length >= counterFrom ? (
          <span id="composer-counter" className={over ? 'composer-counter over' : 'composer-counter'} aria-live="polite">
            {length.toLocaleString()} / {limits.messageMaxCodePoints.toLocaleString()}
          </span>
        ) : null}
        <button type="submit" className="button composer-send" disabled={!sendable}>
          Send
        </button>
      </div>
      <div className="composer-hint">
        <label htmlFor="composer-input">Message</label>
        <span>
          <kbd>Enter</kbd> to send · <kbd>Shift</kbd> + <kbd>Enter</kbd> for a new line
        </span>
      </div>
    </form>
  );
}
