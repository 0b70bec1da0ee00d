import {
  isReachableId,
  ParleyError,
  type RoomChatMessage,
  type RoomSend,
  type SelfUser,
} from '@parley/shared';
import type { AppContext } from '../context.js';
import type { Queued } from '../messages/in-order.js';
import { toChatMessage } from '../messages/message-shapes.js';
import type { MessageWriter } from '../messages/message-writer.js';
import { findByClientId } from '../messages/messages.queries.js';
import { findOrCreateRoom, pairOf } from './rooms.queries.js';
import { attachmentsForSend } from '../files/attachments-for-send.js';

/** Rooms never change their pair, so a found room id stays true; bounded to keep memory flat. */
const roomCacheLimit = 10_000;

/** Checks a room send and queues it; the queued message settles once committed and delivered. */
export type RoomSender = (user: SelfUser, input: RoomSend) => Promise<Queued<RoomChatMessage>>;

export function createRoomSender(ctx: AppContext, writer: MessageWriter): RoomSender {
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
      if (first) return { committed: Promise.resolve(asRetry(first)) };
    }
    const attachments = await attachmentsForSend(ctx.db, user.user_id, { peerId: other }, input.attachments, input.client_id);
    const roomId = await roomFor(user.user_id, other);
    const committed = writer.room({
      attachments,
      roomId,
      senderId: user.user_id,
      receiverId: other,
      body: input.message,
      clientId: input.client_id ?? null,
      createdAt: ctx.clock.now(),
    });
    return { committed };
  };
}

/** The first message a retried `client_id` stored, when it was a room message. */
function asRetry(first: Awaited<ReturnType<typeof findByClientId>>): RoomChatMessage {
  if (!first?.roomId) throw new ParleyError('conflict', 'This client_id was already used for another conversation.');
  return { ...toChatMessage(first), chat_room_id: first.roomId };
}
