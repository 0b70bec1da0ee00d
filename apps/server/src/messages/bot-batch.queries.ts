import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { jsonColumn } from './json-column.js';

/** One turn of a bot conversation on its way into the table. */
export interface BotInsert {
  userId: number;
  isUser: boolean;
  body: string;
  clientId: string | null;
  createdAt: Date;
}

const ids = z.array(z.tuple([z.number().int(), z.number().int()]));
const existingRows = z.array(
  z.object({
    ord: z.number().int(),
    id: z.number().int(),
    is_user: z.boolean(),
    body: z.string(),
    client_id: z.string().nullable(),
    created_at: z.string(),
  }),
);

export interface BotBatchResult {
  /** `[position in the batch (1-based), id]` of every turn stored. */
  stored: z.infer<typeof ids>;
  /** For a position whose `client_id` its user had used before: the turn stored then. */
  existing: z.infer<typeof existingRows>;
}

/** Stores a batch of bot turns in one statement, ids drawn in batch order. */
export async function insertBotBatch(db: Database, batch: BotInsert[]): Promise<BotBatchResult> {
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
    ), existing as (
      select i.ord, b.id, b.is_user, b.body, b.client_id, b.created_at
      from input i
      join bot_messages b on b.user_id = i.user_id and b.client_id = i.client_id
      where not exists (select 1 from stored s where s.id = i.id)
    )
    select
      (select json_agg(json_build_array(i.ord, i.id)) from input i join stored s on s.id = i.id) as stored,
      (select json_agg(e) from existing e) as existing`);
  if (!row) throw new Error('the batch insert returned no row');
  return { stored: jsonColumn(ids, row.stored), existing: jsonColumn(existingRows, row.existing) };
}
