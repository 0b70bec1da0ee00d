import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { codePointLength, hasVisibleText, limits, messageTextSchema } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { appStore, useApp } from '../../stores/app-store';
import { fullName } from '../../lib/format';
import { mentionCandidates, mentionQueryAt, toComposerText, toWireText, type MentionCandidate } from './mention-completion';
import { MentionList } from './mention-list';
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

/** Enter sends, Shift+Enter starts a new line; drafts are kept per conversation, across restarts. */
export function Composer({ conversation, placeholder }: { conversation: ConversationKey; placeholder: string }) {
  // The draft is kept as it will be sent (mentions as `<@id>`) and shown with names.
  const wire = useApp((s) => s.drafts[conversation] ?? '');
  const users = useApp((s) => s.users);
  const selfId = useApp((s) => s.self?.user_id ?? null);
  const nameOf = (userId: number) => {
    const user = users[userId];
    return user ? fullName(user) : null;
  };
  const { text, chosen } = toComposerText(wire, nameOf);
  const setDraft = (next: string, picked: readonly MentionCandidate[] = chosen) => appStore.getState().setDraft(conversation, toWireText(next, picked));
  const [caret, setCaret] = useState(0);
  const [selected, setSelected] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const people = useMemo(
    () => Object.values(users).flatMap((u) => (u && u.user_id !== selfId ? [{ userId: u.user_id, name: fullName(u) }] : [])),
    [users, selfId],
  );
  const typing = mentionQueryAt(text, caret);
  const candidates = typing && dismissed !== typing.start ? mentionCandidates(people, typing.query) : [];

  function pick(person: MentionCandidate) {
    if (!typing) return;
    const next = `${text.slice(0, typing.start)}@${person.name} ${text.slice(caret)}`;
    const at = typing.start + person.name.length + 2;
    setDraft(next, [...chosen, person]);
    setSelected(0);
    requestAnimationFrame(() => {
      ref.current?.setSelectionRange(at, at);
      setCaret(at);
    });
  }
  const ref = useRef<HTMLTextAreaElement>(null);
  const length = codePointLength(wire);
  const over = length > limits.messageMaxCodePoints;
  const files = useUploadsState(composerUploads, conversation);
  const takesFiles = uploadTargetOf(conversation) !== null;
  const drop = useFileDrop((dropped) => void composerUploads.add(conversation, dropped), takesFiles);
  // Files alone may go without text; nothing goes while a file is still on its way or failed.
  const filesOnly = files.ready > 0 && !hasVisibleText(wire);
  const sendable = !files.busy && (filesOnly || messageTextSchema.safeParse(wire).success);

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
    setDraft('', []);
    void actions.send(conversation, filesOnly ? '' : wire, takesFiles ? composerUploads.takeReady(conversation) : undefined);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (candidates.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : candidates.length - 1;
        setSelected((i) => (i + step) % candidates.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(candidates[Math.min(selected, candidates.length - 1)]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissed(typing?.start ?? null);
        return;
      }
    }
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
      {candidates.length > 0 ? <MentionList candidates={candidates} selected={Math.min(selected, candidates.length - 1)} onPick={pick} /> : null}
      <div className={over ? 'composer-box over' : 'composer-box'}>
        {takesFiles ? <AttachButton onFiles={(added) => void composerUploads.add(conversation, added)} /> : null}
        <textarea
          id="composer-input"
          ref={ref}
          rows={1}
          value={text}
          placeholder={placeholder}
          onChange={(e) => {
            setDraft(e.target.value);
            setCaret(e.target.selectionStart);
            setSelected(0);
            if (e.target.value !== '') actions.typing(conversation);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={(event) => {
            const pasted = [...event.clipboardData.files];
            if (!takesFiles || pasted.length === 0) return;
            event.preventDefault();
            void composerUploads.add(conversation, pasted);
          }}
          aria-controls={candidates.length > 0 ? 'mention-list' : undefined}
          aria-autocomplete="list"
          aria-activedescendant={candidates.length > 0 ? `mention-option-${candidates[Math.min(selected, candidates.length - 1)]!.userId}` : undefined}
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
