import { refOf, type Attachment, type ConversationKey, type MessageSend, type SendAck } from '@parley/shared';
import type { ActionContext } from './context';
import { receiveMessages } from './receive';
import { emptyConversation } from '../stores/conversations-slice';
import { appendPending, pendingMessage, setPendingStatus } from '../stores/message-list';

// Sends on their way, so a retry never races its own first attempt.
const inFlight = new Set<string>();

function payloadFor(key: ConversationKey, text: string, clientId: string, attachments: Attachment[] = []): MessageSend {
  const ref = refOf(key);
  if (ref.kind === 'bot') return { chat_type: 'bot', message: text, client_id: clientId };
  // Only a message with files says so: a plain one stays exactly the seed's shape.
  const files = attachments.length > 0 ? { attachments: attachments.map((a) => a.file_id) } : {};
  if (ref.kind === 'room') return { chat_type: 'room', other_user_id: ref.userId, message: text, client_id: clientId, ...files };
  return { chat_type: 'group', chat_group_id: ref.groupId, message: text, client_id: clientId, ...files };
}

/** Applies an acknowledgement: the stored message replaces the pending row, or the row fails. */
function applyAck(ctx: ActionContext, key: ConversationKey, clientId: string, ack: SendAck): void {
  const s = ctx.store.getState();
  if (!ack.ok) {
    s.updateConversation(key, (c) => ({ ...c, messages: setPendingStatus(c.messages, clientId, 'failed', ack.error.message) }));
    return;
  }
  receiveMessages(ctx, refOf(key), [{ ...ack.message, client_id: clientId }]);
}

async function deliver(ctx: ActionContext, key: ConversationKey, clientId: string, text: string, attachments?: Attachment[]): Promise<void> {
  if (inFlight.has(clientId)) return;
  inFlight.add(clientId);
  try {
    const s = ctx.store.getState();
    s.updateConversation(key, (c) => ({ ...c, messages: setPendingStatus(c.messages, clientId, 'pending') }));
    const payload = payloadFor(key, text, clientId, attachments);
    // Its echo may come before its acknowledgement: the store must know whom it went to.
    if (payload.chat_type === 'room') s.setRecipient(clientId, payload.other_user_id);
    const ack = await ctx.bridge.chat.send(payload);
    applyAck(ctx, key, clientId, ack);
  } finally {
    ctx.store.getState().setRecipient(clientId, null);
    inFlight.delete(clientId);
  }
}

/** An optimistic send: the row shows at once as pending, with a client_id the server echoes. */
export async function sendMessage(ctx: ActionContext, key: ConversationKey, text: string, attachments?: Attachment[]): Promise<void> {
  const s = ctx.store.getState();
  const self = s.self;
  if (!self) return;
  const clientId = ctx.newClientId();
  const now = ctx.now();
  s.updateConversation(key, (c) => ({
    ...(c === emptyConversation ? { ...emptyConversation, status: 'ready' as const } : c),
    messages: appendPending(c.messages, pendingMessage(clientId, self.user_id, text, now, attachments)),
  }));
  const ref = refOf(key);
  if (ref.kind === 'room') s.touchUser(ref.userId, now.toISOString());
  await deliver(ctx, key, clientId, text, attachments);
}

/** Sends a failed message again with the same client_id, so the server stores it at most once. */
export async function retryMessage(ctx: ActionContext, key: ConversationKey, clientId: string): Promise<void> {
  const message = ctx.store.getState().conversations[key]?.messages.find((m) => m.clientId === clientId && m.id === null);
  if (message) await deliver(ctx, key, clientId, message.text, message.attachments);
}

/** After a reconnect, every unconfirmed message is tried again. */
export async function retryUnconfirmed(ctx: ActionContext): Promise<void> {
  const conversations = ctx.store.getState().conversations;
  const jobs: Promise<void>[] = [];
  for (const [key, conversation] of Object.entries(conversations)) {
    for (const m of conversation?.messages ?? []) {
      if (m.id === null && m.clientId) jobs.push(deliver(ctx, key as ConversationKey, m.clientId, m.text, m.attachments));
    }
  }
  await Promise.all(jobs);
}
