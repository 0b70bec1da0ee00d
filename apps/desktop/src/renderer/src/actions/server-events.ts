import { groupPresenceChanges, presenceChanges, type MessageEvent } from '@parley/shared';
import type { ServerEvent } from '@parley/shared/ipc';
import type { ActionContext } from './context';
import { markActiveRead } from './conversation-actions';
import { refreshGroups, refreshRooms } from './directory-actions';
import { groupKey, userKey, type ConversationKey } from '../stores/conversation-key';
import { fromBotMessage, fromChatMessage, lastConfirmedId } from '../stores/message-list';
import { unreadKeyOf } from '../stores/unread-slice';
import { fullName } from '../lib/format';

/** The person a room message is with: its author, or, for our own message, the room's other member. */
async function roomPartner(ctx: ActionContext, event: Extract<MessageEvent, { chat_type: 'room' }>): Promise<number | null> {
  const s = ctx.store.getState();
  const selfId = s.self?.user_id;
  if (event.user_id !== selfId) return event.user_id;
  const known = s.userByRoom[event.chat_room_id];
  if (known !== undefined) return known;
  // Our own first message to someone: the pending row with this client_id says who.
  if (event.client_id) {
    for (const [key, c] of Object.entries(s.conversations)) {
      if (key.startsWith('user:') && c?.messages.some((m) => m.clientId === event.client_id)) return Number(key.slice(5));
    }
  }
  await refreshRooms(ctx);
  return ctx.store.getState().userByRoom[event.chat_room_id] ?? null;
}

async function onMessage(ctx: ActionContext, event: MessageEvent): Promise<void> {
  const s = ctx.store.getState();
  const selfId = s.self?.user_id ?? 0;
  if (event.chat_type === 'bot') {
    s.mergeInto('bot', event.messages.map((m) => fromBotMessage(m, selfId)));
    return;
  }
  let key: ConversationKey;
  if (event.chat_type === 'room') {
    const partner = await roomPartner(ctx, event);
    if (partner === null) return;
    s.linkRoom(event.chat_room_id, partner);
    s.touchUser(partner, event.timestamp);
    key = userKey(partner);
  } else {
    key = groupKey(event.chat_group_id);
  }
  ctx.store.getState().mergeInto(key, [fromChatMessage(event)]);
  if (event.user_id !== selfId) await markActiveRead(ctx, key);
}

/** Applies one server event to the stores. */
export async function handleServerEvent(ctx: ActionContext, event: ServerEvent): Promise<void> {
  const s = ctx.store.getState();
  switch (event.event) {
    case 'message':
      return onMessage(ctx, event.payload);
    case 'notification': {
      let key = unreadKeyOf(event.payload, s.userByRoom);
      if (key === null) {
        await refreshRooms(ctx);
        key = unreadKeyOf(event.payload, ctx.store.getState().userByRoom);
      }
      if (key === null) return;
      const state = ctx.store.getState();
      if (state.active === key && ctx.isVisible()) return markActiveRead(ctx, key);
      state.setUnread(key, event.payload.unread_count);
      return;
    }
    case 'presence':
      s.setOnline(presenceChanges(event.payload));
      return;
    case 'group_presence': {
      // One change or a coalesced batch: both read as a list, applied in one store update.
      const groupId = event.payload.chat_group_id;
      const changes = groupPresenceChanges(event.payload);
      s.setPresence(groupId, changes);
      const others = changes.filter((p) => p.user_id !== s.self?.user_id);
      if (others.length === 0) return;
      // Someone entering may be a new member: the header's member count comes from the list.
      if (others.some((p) => p.present)) void refreshGroups(ctx);
      const key = groupKey(groupId);
      const at = ctx.now().toISOString();
      s.updateConversation(key, (c) => {
        if (c.status === 'loading' && c.messages.length === 0) return c;
        const notices = [...c.notices];
        for (const p of others) {
          const text = `${fullName(p)} ${p.present ? 'joined' : 'left'}`;
          notices.push({ key: `${at}-${p.user_id}-${notices.length}`, text, timestamp: at, afterId: lastConfirmedId(c.messages) });
        }
        return { ...c, notices };
      });
      return;
    }
    case 'user_registered':
      s.upsertUser({ ...event.payload, online: s.users[event.payload.user_id]?.online ?? false });
      return;
    case 'group_created':
    case 'group_updated':
      s.upsertGroup(event.payload);
      return;
  }
}
