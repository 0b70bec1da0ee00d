import { and, asc, desc, eq, gt, gte, lt } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { botMessages } from '../db/schema/index.js';
import type { PageRequest } from '../messages/history.js';
import type { BotMessageRow } from '../messages/message-shapes.js';

const columns = {
  id: botMessages.id,
  isUser: botMessages.isUser,
  body: botMessages.body,
  clientId: botMessages.clientId,
  createdAt: botMessages.createdAt,
};

export async function botMessagePage(db: Database, userId: number, page: PageRequest): Promise<BotMessageRow[]> {
  const mine = eq(botMessages.userId, userId);
  if (page.bound?.op === 'around') {
    const { id, before, after } = page.bound;
    const [older, newer] = await Promise.all([
      db.orm.select(columns).from(botMessages).where(and(mine, lt(botMessages.id, id))).orderBy(desc(botMessages.id)).limit(before),
      db.orm.select(columns).from(botMessages).where(and(mine, gte(botMessages.id, id))).orderBy(asc(botMessages.id)).limit(after),
    ]);
    return [...older.reverse(), ...newer];
  }
  const bound = page.bound ? (page.bound.op === 'lt' ? lt(botMessages.id, page.bound.id) : gt(botMessages.id, page.bound.id)) : undefined;
  return db.orm
    .select(columns)
    .from(botMessages)
    .where(and(mine, bound))
    .orderBy(page.order === 'desc' ? desc(botMessages.id) : asc(botMessages.id))
    .limit(page.limit);
}

/** The turns just before `beforeId`, oldest first: the history the bot is given. */
export async function recentTurns(db: Database, userId: number, beforeId: number, count: number): Promise<BotMessageRow[]> {
  const rows = await db.orm
    .select(columns)
    .from(botMessages)
    .where(and(eq(botMessages.userId, userId), lt(botMessages.id, beforeId)))
    .orderBy(desc(botMessages.id))
    .limit(count);
  return rows.reverse();
}
