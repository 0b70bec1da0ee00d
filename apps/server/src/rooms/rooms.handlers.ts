import {
  isReachableId,
  ParleyError,
  socketEvents,
  socketRooms,
  type RoomChatMessage,
  type RoomSend,
  type SelfUser,
} from '@parley/shared';
import type { AppContext } from '../context.js';
import { toChatMessage } from '../messages/message-shapes.js';
import { findByClientId } from '../messages/messages.queries.js';
import { findOrCreateRoom, insertRoomMessage, pairOf } from './rooms.queries.js';

/** Rooms never change their pair, so a found room id stays true; bounded to keep memory flat. */
const roomCacheLimit = 10_000;

export type RoomSender = (user: SelfUser, input: RoomSend) => Promise<RoomChatMessage>;

export function createRoomSender(ctx: AppContext): RoomSender {
  const roomIds = new Map<string, number>();

  const keyOf = (me: number, other: number) => pairOf(me, other).join(':');

  async function roomFor(me: number, other: number): Promise<number> {
    const key = keyOf(me, other);
    const cached = roomIds.get(key);
    if (cached !== undefined) return cached;
    const roomId = await findOrCreateRoom(ctx.db, me, other, ctx.clock.now());
    if (roomId === null) throw new ParleyError('not_found', 'There is no such user.');
    if (roomIds.size >= roomCacheLimit) roomIds.clear();
    roomIds.set(key, roomId);
    return roomId;
  }

  return async (user, input) => {
    const other = input.other_user_id;
    if (other === user.user_id) {
      throw new ParleyError('invalid_input', 'You cannot message yourself.', { fields: { other_user_id: 'is you' } });
    }
    if (!isReachableId(other)) throw new ParleyError('not_found', 'There is no such user.');
    // A retry must not create the room it names: a room comes only with its first message. The
    // lookup is needed only when the room may not exist yet; a cached room exists already.
    if (input.client_id && !roomIds.has(keyOf(user.user_id, other))) {
      const first = await findByClientId(ctx.db, user.user_id, input.client_id);
      if (first) return asRetry(first);
    }
    const roomId = await roomFor(user.user_id, other);
    const stored = await insertRoomMessage(ctx.db, {
      roomId,
      senderId: user.user_id,
      receiverId: other,
      body: input.message,
      clientId: input.client_id ?? null,
      now: ctx.clock.now(),
    });
    if (!stored) return retried(ctx, user.user_id, input.client_id);

    const message: RoomChatMessage = { ...toChatMessage(stored), chat_room_id: stored.roomId };
    ctx.io
      .to([socketRooms.user(user.user_id), socketRooms.user(other)])
      .emit(socketEvents.message, { chat_type: 'room', ...message });
    ctx.io.to(socketRooms.user(other)).emit(socketEvents.notification, {
      chat_room_id: stored.roomId,
      unread_count: stored.unread,
    });
    return message;
  };
}

/** A retry of a `client_id` already stored: the first message, nothing stored or sent again. */
async function retried(ctx: AppContext, senderId: number, clientId: string | undefined): Promise<RoomChatMessage> {
  const first = clientId ? await findByClientId(ctx.db, senderId, clientId) : null;
  return asRetry(first);
}

/** The first message a retried `client_id` stored, when it was a room message. */
function asRetry(first: Awaited<ReturnType<typeof findByClientId>>): RoomChatMessage {
  if (!first?.roomId) throw new ParleyError('conflict', 'This client_id was already used for another conversation.');
  return { ...toChatMessage(first), chat_room_id: first.roomId };
}
