import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { codePointLength, hasVisibleText, limits, messageTextSchema } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import type { ConversationKey } from '@parley/shared';
import { AttachButton, useFileDrop } from '../attachments/attach-button';
import { AttachmentChips, useUploadsState } from '../attachments/attachment-chips';
import { composerUploads } from '../attachments/composer-uploads';
import { uploadTargetOf } from '../attachments/uploads-store';
import '../attachments/attachments.css';
import './composer.css';

// The counter appears once a message is close enough to the limit to matter.
const counterFrom = limits.messageMaxCodePoints - 500;
const maxHeightPx = 200;

/** Enter sends, Shift+Enter starts a new line; drafts are kept per conversation. */
export function Composer({ conversation, placeholder }: { conversation: ConversationKey; placeholder: string }) {
  const [drafts, setDrafts] = useState<Partial<Record<ConversationKey, string>>>({});
  const text = drafts[conversation] ?? '';
  const ref = useRef<HTMLTextAreaElement>(null);
  const length = codePointLength(text);
  const over = length > limits.messageMaxCodePoints;
  const files = useUploadsState(composerUploads, conversation);
  const takesFiles = uploadTargetOf(conversation) !== null;
  const drop = useFileDrop((chosen) => void composerUploads.add(conversation, chosen), takesFiles);
  // Files alone may go without text; nothing goes while a file is still on its way or failed.
  const filesOnly = files.ready > 0 && !hasVisibleText(text);
  const sendable = !files.busy && (filesOnly || messageTextSchema.safeParse(text).success);

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
    setDrafts((d) => ({ ...d, [conversation]: '' }));
    void actions.send(conversation, filesOnly ? '' : text, takesFiles ? composerUploads.takeReady(conversation) : undefined);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form
      className={drop.over ? 'composer dropping' : 'composer'}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      {...drop.handlers}
    >
      {takesFiles ? <AttachmentChips uploads={composerUploads} conversation={conversation} /> : null}
      <div className={over ? 'composer-box over' : 'composer-box'}>
        {takesFiles ? <AttachButton onFiles={(chosen) => void composerUploads.add(conversation, chosen)} /> : null}
        <textarea
          id="composer-input"
          ref={ref}
          rows={1}
          value={text}
          placeholder={placeholder}
          onChange={(e) => {
            setDrafts((d) => ({ ...d, [conversation]: e.target.value }));
            if (e.target.value !== '') actions.typing(conversation);
          }}
          onKeyDown={onKeyDown}
          onPaste={(event) => {
            const pasted = [...event.clipboardData.files];
            if (!takesFiles || pasted.length === 0) return;
            event.preventDefault();
            void composerUploads.add(conversation, pasted);
          }}
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
