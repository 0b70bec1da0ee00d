import { sql, type SQL } from 'drizzle-orm';
import { readWithSession } from '../auth/session-with-read.js';
import type { Session } from '../auth/sessions.queries.js';
import type { AppContext } from '../context.js';
import { toId } from '../db/client.js';
import { intLiteral } from '../db/literals.js';
import type { PageRequest } from './history.js';
import type { MessageRow } from './message-shapes.js';
import { changeCursorOf, inRoom, messagesOfJson, pageJson } from './messages.queries.js';

export interface RoomOfUser {
  id: number;
  other: { id: number; firstName: string; lastName: string };
}

export interface RoomPage {
  session: Session;
  /** Null for anyone else's room (and a missing one): the page is then empty. */
  room: RoomOfUser | null;
  messages: MessageRow[];
  changeCursor: number;
}

/**
 * The caller's session, the room (when they are in it) with the other person, and one page of
 * its messages, in one statement and one row: a token check, a room check and a page were three
 * statements. The page keeps its own plan: its room id is a constant, not a join column. Null
 * when the token has no live session.
 */
export async function roomPageOfToken(ctx: AppContext, token: string, roomId: number, page: PageRequest): Promise<RoomPage | null> {
  const room = intLiteral(roomId);
  const found = await readWithSession(ctx, token, (user: SQL) => sql`
    select r.id as room_id, o.id as other_id, o.first_name as other_first_name, o.last_name as other_last_name,
      ${pageJson(inRoom(roomId), page)} as page, ${changeCursorOf(inRoom(roomId))} as change_cursor
    from chat_rooms r
    join users o on o.id = case when r.user_low = ${user} then r.user_high else r.user_low end
    where r.id = ${room} and (r.user_low = ${user} or r.user_high = ${user})`);
  if (!found) return null;
  const { row } = found;
  if (row.room_id === null || row.room_id === undefined) return { session: found.session, room: null, messages: [], changeCursor: 0 };
  return {
    session: found.session,
    room: {
      id: toId(row.room_id),
      other: { id: toId(row.other_id), firstName: String(row.other_first_name), lastName: String(row.other_last_name) },
    },
    messages: messagesOfJson(row.page),
    changeCursor: toId(row.change_cursor ?? 0),
  };
}
