import { sql } from 'drizzle-orm';
import { toId, type Database } from '../db/client.js';
import { intLiteral } from '../db/literals.js';
import type { PageRequest } from './history.js';
import type { MessageRow } from './message-shapes.js';
import { changeCursorOf, inRoom, messagesOfJson, pageJson } from './messages.queries.js';

export interface RoomOfUser {
  id: number;
  other: { id: number; firstName: string; lastName: string };
}

/**
 * A room the caller is in, with the other person and one page of its messages, in one statement
 * and one row (a room check and a page were two statements); null for anyone else's room. The
 * page keeps its own plan: its room id is a constant, not a join column.
 */
export async function roomWithPage(
  db: Database,
  roomId: number,
  userId: number,
  page: PageRequest,
): Promise<{ room: RoomOfUser; messages: MessageRow[]; changeCursor: number } | null> {
  const room = intLiteral(roomId);
  const user = intLiteral(userId);
  const [row] = await db.rows<Record<string, unknown>>(sql`
    select r.id as room_id, o.id as other_id, o.first_name, o.last_name,
      ${pageJson(inRoom(roomId), page)} as page, ${changeCursorOf(inRoom(roomId))} as change_cursor
    from chat_rooms r
    join users o on o.id = case when r.user_low = ${user} then r.user_high else r.user_low end
    where r.id = ${room} and (r.user_low = ${user} or r.user_high = ${user})`);
  if (!row) return null;
  return {
    room: {
      id: toId(row.room_id),
      other: { id: toId(row.other_id), firstName: String(row.first_name), lastName: String(row.last_name) },
    },
    messages: messagesOfJson(row.page),
    changeCursor: toId(row.change_cursor ?? 0),
  };
}
