import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { ParleyServer } from '../context.js';
import { toDate, type Database } from '../db/client.js';
import { memberUnread } from '../groups/group-read-marks.queries.js';
import { onlineUserIds } from '../presence/presence.js';
import { allUsers } from '../users/users.queries.js';
import type { FoundMessage, UnreadConversation, WorkspaceLookup } from './bot.js';
import { runSearch, searchMessagesQuery } from './message-search.js';

/**
 * `groups()` takes no user, yet answers `isMember` for the user the bot is talking to: the bot
 * chat runs each reply inside `asUser`, and the lookup reads that user from here.
 */
const currentUser = new AsyncLocalStorage<number>();

export function asUser<T>(userId: number, fn: () => Promise<T>): Promise<T> {
  return currentUser.run(userId, fn);
}

/** What the bot may know, read from the database and from presence, always for one user. */
export function createWorkspaceLookup(db: Database, io: () => ParleyServer): WorkspaceLookup {
  return {
    async onlineUsers() {
      const [list, online] = await Promise.all([allUsers(db), onlineUserIds(io())]);
      return list.filter((user) => online.has(user.user_id));
    },

    async allUsers() {
      const [list, online] = await Promise.all([allUsers(db), onlineUserIds(io())]);
      return list.map((user) => ({ ...user, online: online.has(user.user_id) }));
    },

    async unreadConversations(userId) {
      const rows = await db.rows<Record<string, unknown>>(sql`
        select 'room' as kind, o.first_name || ' ' || o.last_name as title,
          case when r.user_low = ${userId}::bigint then r.unread_low else r.unread_high end as unread
        from chat_rooms r
        join users o on o.id = case when r.user_low = ${userId}::bigint then r.user_high else r.user_low end
        where (r.user_low = ${userId}::bigint and r.unread_low > 0) or (r.user_high = ${userId}::bigint and r.unread_high > 0)
        union all
        select 'group', g.name, ${memberUnread}
        from group_members gm join chat_groups g on g.id = gm.group_id
        where gm.user_id = ${userId}::bigint and ${memberUnread} > 0
        order by unread desc`);
      return rows.map(
        (row): UnreadConversation => ({
          kind: row.kind === 'group' ? 'group' : 'room',
          title: String(row.title),
          unreadCount: Number(row.unread),
        }),
      );
    },

    async searchMessages(userId, term, limit) {
      if (!term.trim()) return [];
      const rows = await runSearch(db, searchMessagesQuery(userId, term, limit));
      return rows.map(
        (row): FoundMessage => ({
          where: String(row.place),
          author: String(row.author),
          text: String(row.body),
          at: toDate(row.created_at),
        }),
      );
    },

    async groups() {
      const userId = currentUser.getStore() ?? 0;
      const rows = await db.rows<Record<string, unknown>>(sql`
        select g.name, (select count(*) from group_members m where m.group_id = g.id) as members,
          exists (select 1 from group_members m where m.group_id = g.id and m.user_id = ${userId}::bigint) as is_member
        from chat_groups g order by g.id`);
      return rows.map((row) => ({
        name: String(row.name),
        memberCount: Number(row.members),
        isMember: row.is_member === true || row.is_member === 't',
      }));
    },
  };
}
