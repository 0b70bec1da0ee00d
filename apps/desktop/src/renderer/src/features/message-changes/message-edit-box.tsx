import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { messageTextSchema, type ConversationKey } from '@parley/shared';
import { actions } from '../../actions/app-actions';

/** Editing in place: Enter saves, Shift+Enter is a new line, Escape cancels. */
export function MessageEditBox({
  conversation,
  messageId,
  initial,
  onDone,
}: {
  conversation: ConversationKey;
  messageId: number;
  initial: string;
  onDone: () => void;
}) {
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const valid = messageTextSchema.safeParse(text).success;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 200)}px`;
  }, [text]);

  async function save() {
    if (!valid || busy) return;
    if (text === initial) return onDone();
    setBusy(true);
    const ack = await actions.edit(conversation, messageId, text);
    setBusy(false);
    if (ack?.ok) onDone();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <div className="message-edit">
      <textarea ref={ref} rows={1} value={text} aria-label="Edit message" onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
      <div className="message-edit-hint">
        Escape to <button type="button" className="link-button" onClick={onDone}>cancel</button> · Enter to{' '}
        <button type="button" className="link-button" disabled={!valid || busy} onClick={() => void save()}>
          save
        </button>
      </div>
    </div>
  );
}
