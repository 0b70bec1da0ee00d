import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { botMessages } from '../db/schema/index.js';
import { jsonColumn } from './json-column.js';
import type { BotMessageRow } from './message-shapes.js';

/** One turn of a bot conversation on its way into the table. */
export interface BotInsert {
  userId: number;
  isUser: boolean;
  body: string;
  clientId: string | null;
  createdAt: Date;
}

const idList = z.array(z.number().int());

/**
 * Stores a batch of bot turns in one statement, ids drawn in batch order. Answers the id of each
 * turn by its position, null where the user had used its `client_id` before.
 */
export async function insertBotBatch(db: Database, batch: BotInsert[]): Promise<(number | null)[]> {
  const input = JSON.stringify(
    batch.map((turn) => ({
      user_id: turn.userId,
      is_user: turn.isUser,
      body: turn.body,
      client_id: turn.clientId,
      created_at: turn.createdAt.toISOString(),
    })),
  );
  const [row] = await db.rows<Record<string, unknown>>(sql`
    with input as materialized (
      select nextval(pg_get_serial_sequence('bot_messages', 'id')) as id, t.ord,
        (t.item->>'user_id')::bigint as user_id, (t.item->>'is_user')::boolean as is_user,
        t.item->>'body' as body, (t.item->>'client_id')::uuid as client_id,
        (t.item->>'created_at')::timestamptz as created_at
      from json_array_elements(${input}::json) with ordinality as t(item, ord)
    ), stored as (
      insert into bot_messages (id, user_id, is_user, body, client_id, created_at)
      select id, user_id, is_user, body, client_id, created_at from input order by ord
      on conflict (user_id, client_id) do nothing
      returning id
    )
    select (select json_agg(id order by ord) from input) as drawn, (select json_agg(id) from stored) as stored`);
  if (!row) throw new Error('the batch insert returned no row');
  const stored = new Set(jsonColumn(idList, row.stored));
  return jsonColumn(idList, row.drawn).map((id) => (stored.has(id) ? id : null));
}

/** The turns a user already stored under these `client_id`s: what their retries get back. */
export async function findBotTurnsByClientIds(db: Database, userId: number, clientIds: string[]): Promise<BotMessageRow[]> {
  if (clientIds.length === 0) return [];
  return db.orm
    .select({
      id: botMessages.id,
      isUser: botMessages.isUser,
      body: botMessages.body,
      clientId: botMessages.clientId,
      createdAt: botMessages.createdAt,
    })
    .from(botMessages)
    .where(and(eq(botMessages.userId, userId), inArray(botMessages.clientId, clientIds)));
}
