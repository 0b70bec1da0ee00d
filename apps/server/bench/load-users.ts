import { hashToken, newToken } from '../src/auth/tokens.js';
import { toId } from '../src/db/client.js';
import type { BenchDatabase } from './bench-database.js';

/** The load's people: `tokens[i]` is a live session of user `ids[i]`. */
export interface LoadUsers {
  ids: number[];
  tokens: string[];
  /** Not one of the load: sends the group messages, member of every group, counted nowhere. */
  sender: { id: number; token: string };
  /** One group holding everyone after the entries; then `smallGroups` groups of 10. */
  bigGroup: number;
  smallGroups: number[];
}

/**
 * Inserts `count` users with a session each and the (empty) groups, set-based: the scenarios
 * measure the server, not scrypt at login. Users become members by entering the groups.
 */
export async function seedLoadUsers(bench: BenchDatabase, count: number): Promise<LoadUsers> {
  const rows = await bench.raw(
    `insert into users (email, password_hash, first_name, last_name, created_at)
     select 'load' || g || '@bench.invalid', 'not-a-hash', 'Load', 'User ' || g, now()
     from generate_series(0, $1::int) as g returning id`,
    [count],
  );
  const all = rows.map((r) => toId(r.id)).sort((a, b) => a - b);
  const allTokens = all.map(() => newToken());
  await bench.raw(
    `insert into sessions (token_hash, user_id, created_at, last_used_at)
     select t, u, now(), now() from unnest($1::text[], $2::bigint[]) as s(t, u)`,
    [allTokens.map(hashToken), all],
  );
  const ids = all.slice(1);
  const tokens = allTokens.slice(1);
  const groups = await bench.raw(
    `insert into chat_groups (name, author_id, created_at)
     select 'bench group ' || g, $1::bigint, now() from generate_series(0, $2::int) as g returning id`,
    [all[0], Math.floor(count / 10)],
  );
  const groupIds = groups.map((r) => toId(r.id)).sort((a, b) => a - b);
  return { ids, tokens, sender: { id: all[0]!, token: allTokens[0]! }, bigGroup: groupIds[0]!, smallGroups: groupIds.slice(1) };
}

/** The same people for the bare server, whose tokens only name the user. */
export function bareLoadUsers(count: number): LoadUsers {
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const groups = Array.from({ length: Math.floor(count / 10) }, (_, i) => i + 2);
  const sender = count + 1;
  return { ids, tokens: ids.map((id) => `u${id}`), sender: { id: sender, token: `u${sender}` }, bigGroup: 1, smallGroups: groups };
}

/** A session for one seeded user (the history reader). */
export async function sessionFor(bench: BenchDatabase, userId: number): Promise<string> {
  const token = newToken();
  await bench.raw(
    `insert into sessions (token_hash, user_id, created_at, last_used_at) values ($1, $2, now(), now())`,
    [hashToken(token), userId],
  );
  return token;
}
