import { sql } from 'drizzle-orm';
import { toId, type Database } from '../db/client.js';
import { intLiteral, timestampLiteral } from '../db/literals.js';
import { messageRowOf, type MessageRow } from '../messages/message-shapes.js';
import { reactionsColumn } from '../messages/messages.queries.js';

/** Where a message lives and who may see it, as one caller asks about it. */
export interface MessagePlace {
  id: number;
  senderId: number;
  deleted: boolean;
  conversation: { kind: 'room'; roomId: number; userIds: [number, number] } | { kind: 'group'; groupId: number };
  /** The caller is one of the room's two, or a member of the group. */
  visible: boolean;
}

export async function findMessagePlace(db: Database, messageId: number, userId: number): Promise<MessagePlace | null> {
  const me = intLiteral(userId);
  const [row] = await db.rows<Record<string, unknown>>(sql`
    select m.id, m.sender_id, m.room_id, m.group_id, m.deleted_at is not null as deleted, r.user_low, r.user_high,
      case when m.room_id is not null then ${me} in (r.user_low, r.user_high)
        else exists (select 1 from group_members gm where gm.group_id = m.group_id and gm.user_id = ${me}) end as visible
    from messages m left join chat_rooms r on r.id = m.room_id
    where m.id = ${intLiteral(messageId)}`);
  if (!row) return null;
  return {
    id: toId(row.id),
    senderId: toId(row.sender_id),
    deleted: row.deleted === true,
    conversation:
      row.room_id === null
        ? { kind: 'group', groupId: toId(row.group_id) }
        : { kind: 'room', roomId: toId(row.room_id), userIds: [toId(row.user_low), toId(row.user_high)] },
    visible: row.visible === true,
  };
}

const stateColumns = sql`id, sender_id, body, client_id, created_at, edited_at, deleted_at, change_seq,
  ${reactionsColumn} as reactions`;

/** The author's new text; null when the message is gone (deleted meanwhile) or not theirs. */
export async function editMessage(db: Database, messageId: number, senderId: number, body: string, now: Date): Promise<MessageRow | null> {
  const [row] = await db.rows<Record<string, unknown>>(sql`
    update messages set body = ${body}, edited_at = ${timestampLiteral(now)}, change_seq = nextval('message_change_seq')
    where id = ${intLiteral(messageId)} and sender_id = ${intLiteral(senderId)} and deleted_at is null
    returning ${stateColumns}`);
  return row ? messageRowOf(row) : null;
}

/**
 * Deletes the text and the list of files (the row stays, holding the message's place) and its
 * reactions; null when it was gone already or is not the author's. The files themselves go
 * next (`removeFilesOfMessages`).
 */
export async function deleteMessage(db: Database, messageId: number, senderId: number, now: Date): Promise<MessageRow | null> {
  const id = intLiteral(messageId);
  const [row] = await db.rows<Record<string, unknown>>(sql`
    with gone as (delete from message_reactions where message_id = ${id})
    update messages set body = '', attachments = null, edited_at = null, deleted_at = ${timestampLiteral(now)},
      change_seq = nextval('message_change_seq')
    where id = ${id} and sender_id = ${intLiteral(senderId)} and deleted_at is null
    returning id, sender_id, body, client_id, created_at, edited_at, deleted_at, change_seq, null as reactions`);
  return row ? messageRowOf(row) : null;
}

export type ToggleOutcome = 'added' | 'removed' | 'gone' | 'too_many_emoji' | 'too_many_of_yours';

/**
 * Toggles one emoji of one person on a message in one statement: removed if it was there, else
 * added unless the message holds `maxDistinct` different emoji already (and this is another) or
 * the person has `maxMine` on it.
 */
export async function toggleReaction(
  db: Database,
  input: { messageId: number; userId: number; emoji: string; now: Date; maxDistinct: number; maxMine: number },
): Promise<ToggleOutcome> {
  const id = intLiteral(input.messageId);
  const me = intLiteral(input.userId);
  const [row] = await db.rows<Record<string, unknown>>(sql`
    with target as (select id from messages where id = ${id} and deleted_at is null),
    stats as (
      select count(distinct emoji) as distinct_count, count(*) filter (where user_id = ${me}) as mine,
        coalesce(bool_or(emoji = ${input.emoji}), false) as has_emoji
      from message_reactions where message_id = ${id}),
    removed as (
      delete from message_reactions where message_id in (select id from target) and user_id = ${me} and emoji = ${input.emoji}
      returning 1),
    added as (
      insert into message_reactions (message_id, user_id, emoji, created_at)
      select t.id, ${me}, ${input.emoji}, ${timestampLiteral(input.now)} from target t, stats s
      where not exists (select 1 from removed)
        and (s.has_emoji or s.distinct_count < ${intLiteral(input.maxDistinct)})
        and s.mine < ${intLiteral(input.maxMine)}
      on conflict do nothing
      returning 1)
    select exists (select 1 from target) as found, exists (select 1 from removed) as removed,
      exists (select 1 from added) as added, s.has_emoji, s.mine
    from stats s`);
  if (!row || row.found !== true) return 'gone';
  if (row.removed === true) return 'removed';
  if (row.added === true) return 'added';
  return Number(row.mine) >= input.maxMine ? 'too_many_of_yours' : row.has_emoji === true ? 'added' : 'too_many_emoji';
}

/** Marks a message changed (its reactions did) and reads it as it now is. */
export async function touchMessage(db: Database, messageId: number): Promise<MessageRow | null> {
  const [row] = await db.rows<Record<string, unknown>>(sql`
    update messages set change_seq = nextval('message_change_seq') where id = ${intLiteral(messageId)}
    returning ${stateColumns}`);
  return row ? messageRowOf(row) : null;
}
