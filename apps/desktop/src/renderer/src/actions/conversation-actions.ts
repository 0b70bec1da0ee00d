import type { ChatMessageState } from '@parley/shared';
import type { ActionContext } from './context';
import { refOf, type ConversationKey } from '@parley/shared';
import { emptyConversation, withLatestPage, withNewerPage, withOlderPage, withPageAround } from '../stores/conversations-slice';
import { firstUnreadId } from '../stores/unread-line';
import { catchUpFrom, firstConfirmedId, fromBotMessage, fromChatMessage, type UiMessage } from '../stores/message-list';
import type { HistoryPage, Result } from '@parley/shared/ipc';
import { refreshGroups } from './directory-actions';

interface Page {
  messages: UiMessage[];
  hasMore: boolean;
  changeCursor?: number;
  /** Only for an `around` page: newer messages remain. */
  hasNewer: boolean;
}

/** One history page of any conversation, as rows; a group page also refreshes who is present. */
async function fetchPage(ctx: ActionContext, key: ConversationKey, page: HistoryPage): Promise<Result<Page> | null> {
  const { store, bridge } = ctx;
  const ref = refOf(key);
  const selfId = store.getState().self?.user_id ?? 0;
  const rows = (messages: ChatMessageState[]) => messages.map(fromChatMessage);
  if (ref.kind === 'bot') {
    const { changed_after: _botNeverChanges, ...botPage } = page;
    const r = await bridge.api.botHistory(botPage);
    return r.ok
      ? { ok: true, value: { messages: r.value.messages.map((m) => fromBotMessage(m, selfId)), hasMore: r.value.has_more, hasNewer: r.value.has_more_after ?? false } }
      : r;
  }
  if (ref.kind === 'group') {
    const r = await bridge.api.chatGroup(ref.groupId, page);
    if (!r.ok) return r;
    const s = store.getState();
    s.upsertGroup(r.value);
    s.setPresent(ref.groupId, r.value.present_user_ids);
    return { ok: true, value: { messages: rows(r.value.messages), hasMore: r.value.has_more, changeCursor: r.value.change_cursor, hasNewer: r.value.has_more_after ?? false } };
  }
  const roomId = store.getState().roomByUser[ref.userId];
  // No room yet: the conversation starts empty and the first send creates the room.
  if (roomId === undefined) return null;
  const r = await bridge.api.chatRoom(roomId, page);
  if (!r.ok) return r;
  store.getState().upsertUser(r.value.other_user);
  return { ok: true, value: { messages: rows(r.value.messages), hasMore: r.value.has_more, changeCursor: r.value.change_cursor, hasNewer: r.value.has_more_after ?? false } };
}

/** Marks the open conversation read on the server when the user can see it. */
export async function markActiveRead(ctx: ActionContext, key: ConversationKey): Promise<void> {
  const { store, bridge } = ctx;
  const s = store.getState();
  if (s.active !== key || !ctx.isVisible()) return;
  s.setUnread(key, 0);
  s.clearMentions(key);
  const ref = refOf(key);
  if (ref.kind === 'group') await bridge.api.markRead({ chat_group_id: ref.groupId });
  if (ref.kind === 'room') {
    const roomId = s.roomByUser[ref.userId];
    if (roomId !== undefined) await bridge.api.markRead({ chat_room_id: roomId });
  }
}

/** Makes `key` the conversation shown, leaving the group viewed before. */
function activate(ctx: ActionContext, key: ConversationKey): void {
  const { store, bridge } = ctx;
  const previous = store.getState().active;
  if (previous === key) return;
  const prevRef = previous ? refOf(previous) : null;
  if (prevRef?.kind === 'group') void bridge.chat.leaveGroup(prevRef.groupId);
  store.getState().setActive(key);
  bridge.ui.setActiveConversation(refOf(key));
}

/**
 * Shows a conversation: leaves the group being viewed, fetches the newest page, places the "New
 * messages" line from the unread count it had, marks it read.
 */
export async function openConversation(ctx: ActionContext, key: ConversationKey): Promise<void> {
  const { store } = ctx;
  const unread = store.getState().unread[key] ?? 0;
  activate(ctx, key);
  store.getState().updateConversation(key, (c) => (c === emptyConversation ? { ...emptyConversation } : c));
  const result = await fetchPage(ctx, key, {});
  const selfId = store.getState().self?.user_id ?? null;
  store.getState().updateConversation(key, (c) => {
    if (result === null) return { ...c, status: 'ready', hasMore: false };
    if (!result.ok) return { ...c, status: c.messages.length > 0 ? 'ready' : 'error', error: result.error.message };
    const next = withLatestPage(c, result.value.messages, result.value.hasMore, result.value.changeCursor);
    return { ...next, firstUnreadId: firstUnreadId(next.messages, unread, selfId) };
  });
  // Entering a group may have made us a member: refresh the counts the header shows.
  if (refOf(key).kind === 'group' && result?.ok) void refreshGroups(ctx);
  await markActiveRead(ctx, key);
}

/** Shows a conversation at one message (a search result) with the messages around it. */
export async function openConversationAt(ctx: ActionContext, key: ConversationKey, messageId: number): Promise<void> {
  const { store } = ctx;
  activate(ctx, key);
  store.getState().updateConversation(key, (c) => ({ ...c, status: c.messages.length > 0 ? c.status : 'loading' }));
  const result = await fetchPage(ctx, key, { around: messageId });
  store.getState().updateConversation(key, (c) => {
    if (result === null) return { ...c, status: 'ready', hasMore: false };
    if (!result.ok) return { ...c, status: c.messages.length > 0 ? 'ready' : 'error', error: result.error.message };
    return withPageAround(c, result.value.messages, result.value.hasMore, result.value.hasNewer, messageId);
  });
  if (refOf(key).kind === 'group' && result?.ok) void refreshGroups(ctx);
  await markActiveRead(ctx, key);
}

/** Loads the 100 messages just older than the oldest one held. */
export async function loadOlder(ctx: ActionContext, key: ConversationKey): Promise<void> {
  const { store } = ctx;
  const current = store.getState().conversations[key];
  if (!current || current.loadingOlder || !current.hasMore) return;
  const until = firstConfirmedId(current.messages);
  if (until === null) return;
  store.getState().updateConversation(key, (c) => ({ ...c, loadingOlder: true }));
  const result = await fetchPage(ctx, key, { until });
  store.getState().updateConversation(key, (c) => {
    if (!result || !result.ok) return { ...c, loadingOlder: false, error: result?.ok === false ? result.error.message : null };
    return withOlderPage(c, result.value.messages, result.value.hasMore);
  });
}

/**
 * After a reconnect: fetches what arrived since shortly before the newest message held (`after`,
 * `catchUpFrom`: with several server nodes deliveries of nearly simultaneous messages may cross)
 * and what was
 * edited, deleted or reacted to since the change cursor held (`changed_after`). The bridge's
 * client core follows every page, so one answer holds all of it, with neither a gap nor a
 * duplicate; when it gave up early (`has_more`) or failed, the newest page is loaded afresh.
 */
export async function catchUp(ctx: ActionContext, key: ConversationKey): Promise<void> {
  const { store } = ctx;
  const held = store.getState().conversations[key];
  const after = held ? catchUpFrom(held.messages) : null;
  if (!held || after === null) return openConversation(ctx, key);
  const changedAfter = held.changeCursor;
  const result = await fetchPage(ctx, key, changedAfter === null ? { after } : { after, changed_after: changedAfter });
  if (result === null) return;
  if (result.ok && !result.value.hasMore) {
    store.getState().updateConversation(key, (c) => withNewerPage(c, result.value.messages, result.value.changeCursor));
  } else {
    // Too much was missed, or the catch-up failed: reload the newest page rather than show a gap.
    const latest = await fetchPage(ctx, key, {});
    if (latest?.ok) store.getState().updateConversation(key, (c) => withLatestPage(c, latest.value.messages, latest.value.hasMore, latest.value.changeCursor));
  }
  await markActiveRead(ctx, key);
}
