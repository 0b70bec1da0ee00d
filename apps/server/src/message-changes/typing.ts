import { isReachableId, ParleyError, parseOrThrow, socketEvents, socketRooms, typingSendSchema, type SelfUser } from '@parley/shared';
import type { AppContext } from '../context.js';
import { isPresent } from '../presence/presence.js';
import { findRoomOf } from '../rooms/rooms.queries.js';

/** Rooms never change their pair, so who is on the other side of one stays true; bounded. */
const roomCacheLimit = 10_000;

export type TypingRelay = (user: SelfUser, payload: unknown) => Promise<void>;

/**
 * `typing`: relayed, never stored, to the others in the conversation who are looking. In a room
 * that is the other person's sockets; in a group only those present in it (a member who is not
 * looking costs nothing), and the typist only while present there.
 */
export function createTypingRelay(ctx: AppContext): TypingRelay {
  const otherOfRoom = new Map<string, number>();

  async function otherInRoom(roomId: number, userId: number): Promise<number> {
    const key = `${roomId}:${userId}`;
    const cached = otherOfRoom.get(key);
    if (cached !== undefined) return cached;
    const room = isReachableId(roomId) ? await findRoomOf(ctx.db, roomId, userId) : null;
    if (!room) throw new ParleyError('not_found', 'There is no such chat room.');
    if (otherOfRoom.size >= roomCacheLimit) otherOfRoom.clear();
    otherOfRoom.set(key, room.other.id);
    return room.other.id;
  }

  return async (user, payload) => {
    const input = parseOrThrow(typingSendSchema, payload);
    await ctx.rateLimits.write('typing', user.user_id);
    if (input.chat_type === 'room') {
      const other = await otherInRoom(input.chat_room_id, user.user_id);
      ctx.io
        .to(socketRooms.user(other))
        .emit(socketEvents.typing, { chat_type: 'room', chat_room_id: input.chat_room_id, user_id: user.user_id });
      return;
    }
    const groupId = input.chat_group_id;
    if (!isReachableId(groupId) || !isPresent(ctx.io, user.user_id, groupId)) {
      throw new ParleyError('forbidden', 'Open the group before typing in it.');
    }
    ctx.io
      .to(socketRooms.groupPresent(groupId))
      .except(socketRooms.user(user.user_id))
      .emit(socketEvents.typing, { chat_type: 'group', chat_group_id: groupId, user_id: user.user_id });
  };
}
