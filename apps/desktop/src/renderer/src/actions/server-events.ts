import { conversationOfMessage, groupKey, keyOf, groupPresenceChanges, mentionsUser, presenceChanges, type MessageEvent } from '@parley/shared';
import type { ServerEvent } from '@parley/shared/ipc';
import type { ActionContext } from './context';
import { markActiveRead } from './conversation-actions';
import { refreshGroups, refreshRooms } from './directory-actions';
import { receiveMessages } from './receive';
import { onMessageChanged, onTyping } from './message-change-actions';
import { roomLinksOf } from '../stores/directory-slice';
import { lastConfirmedId } from '../stores/message-list';
import { unreadKeyOf } from '../stores/unread-slice';
import { fullName } from '../lib/format';

async function onMessage(ctx: ActionContext, event: MessageEvent): Promise<void> {
  const selfId = ctx.store.getState().self?.user_id ?? null;
  const place = () => conversationOfMessage(event, selfId, roomLinksOf(ctx.store.getState()));
  let conversation = place();
  // Our own message in a room this client has not learned (sent from another device): ask.
  if (conversation === null) {
    await refreshRooms(ctx);
    conversation = place();
  }
  if (conversation === null) return;
  receiveMessages(ctx, conversation, event.chat_type === 'bot' ? event.messages : [event]);
  if (event.chat_type === 'bot' || event.user_id === selfId) return;
  const key = keyOf(conversation);
  const s = ctx.store.getState();
  // Their message arrived: they are no longer typing it.
  s.clearTyping(key, event.user_id);
  // Counted until read, like the unread count the server keeps beside it.
  if (mentionsUser(event.message, selfId) && !(s.active === key && ctx.isVisible())) s.addMention(key);
  await markActiveRead(ctx, key);
}

/** Applies one server event to the stores. */
export async function handleServerEvent(ctx: ActionContext, event: ServerEvent): Promise<void> {
  const s = ctx.store.getState();
  switch (event.event) {
    case 'message':
      return onMessage(ctx, event.payload);
    case 'notification': {
      let key = unreadKeyOf(event.payload, s);
      if (key === null) {
        await refreshRooms(ctx);
        key = unreadKeyOf(event.payload, ctx.store.getState());
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
    case 'user_updated': {
      // Names are read from this map everywhere (sidebar, message authors, who is in a group).
      const known = s.users[event.payload.user_id];
      s.upsertUser({ ...event.payload, online: known?.online ?? false });
      if (event.payload.user_id === s.self?.user_id) s.renameSelf(event.payload);
      return;
    }
    case 'group_created':
    case 'group_updated':
      s.upsertGroup(event.payload);
      return;
    case 'message_changed':
      return onMessageChanged(ctx, event.payload);
    case 'typing':
      return onTyping(ctx, event.payload);
  }
}
