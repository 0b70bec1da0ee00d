import type { RoomLinks } from '../conversation.js';
import type { MessageEvent } from '../events/chat.js';
import type { ChatRoomSummary } from '../schemas/rooms.js';

/**
 * Which person each DM room is with, learned from the room list and from messages of others: what
 * a client without a store of its own (the desktop main process) needs to place unread counts.
 * It never sends, so it has no unacknowledged sends to place.
 */
export class RoomLinkMap implements RoomLinks {
  private readonly users = new Map<number, number>();

  userOfRoom(roomId: number): number | undefined {
    return this.users.get(roomId);
  }

  recipientOf(): number | undefined {
    return undefined;
  }

  learnRooms(rooms: readonly Pick<ChatRoomSummary, 'chat_room_id' | 'other_user'>[]): void {
    for (const room of rooms) this.users.set(room.chat_room_id, room.other_user.user_id);
  }

  learnMessage(event: MessageEvent, selfId: number | null): void {
    if (event.chat_type === 'room' && event.user_id !== selfId) this.users.set(event.chat_room_id, event.user_id);
  }

  clear(): void {
    this.users.clear();
  }
}
