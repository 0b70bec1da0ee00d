import { useEffect, useRef } from 'react';
import { useApp } from '../../stores/app-store';
import { refOf, type ConversationKey } from '@parley/shared';
import { fullName } from '../../lib/format';
import { BotHeader, BotIntro } from '../bot/bot-intro';
import { Composer } from '../composer/composer';
import { GroupHeader } from '../groups/group-header';
import { MessageList } from './message-list';
import { TypingLine } from '../message-changes/typing-line';
import { GroupIntro, PersonHeader, PersonIntro } from './person-header';
import './conversation.css';

/** Marks the first painted conversation after login, for the renderer benchmark. */
function usePaintMark(conversation: ConversationKey) {
  const ready = useApp((s) => s.conversations[conversation]?.status === 'ready');
  const marked = useRef(false);
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    requestAnimationFrame(() => performance.mark('parley:conversation-painted'));
  }, [ready]);
}

export function ConversationPane({ conversation }: { conversation: ConversationKey }) {
  usePaintMark(conversation);
  const ref = refOf(conversation);
  const error = useApp((s) => (s.conversations[conversation]?.status === 'error' ? s.conversations[conversation]?.error : null));
  const placeholder = useApp((s) => {
    if (ref.kind === 'bot') return 'Message Parley Bot';
    if (ref.kind === 'group') return `Message #${s.groups[ref.groupId]?.chat_group_name ?? 'group'}`;
    const user = s.users[ref.userId];
    return user ? `Message ${fullName(user)}` : 'Message';
  });

  return (
    <section className="pane" aria-label="Conversation">
      {ref.kind === 'bot' ? <BotHeader /> : ref.kind === 'group' ? <GroupHeader groupId={ref.groupId} /> : <PersonHeader userId={ref.userId} />}
      {error ? (
        <div className="alert pane-alert" role="alert">
          {error}
        </div>
      ) : null}
      <MessageList
        key={conversation}
        conversation={conversation}
        intro={ref.kind === 'bot' ? <BotIntro /> : ref.kind === 'group' ? <GroupIntro groupId={ref.groupId} /> : <PersonIntro userId={ref.userId} />}
      />
      {ref.kind === 'bot' ? null : <TypingLine conversation={conversation} />}
      <Composer conversation={conversation} placeholder={placeholder} />
    </section>
  );
}
