import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../src/bot/create-bot.js';
import { runSearch, searchMessagesQuery, searchTimeoutMs } from '../src/bot/message-search.js';
import { asUser, createWorkspaceLookup } from '../src/bot/workspace-lookup.js';
import { testDatabaseKind } from './support/database.js';
import { signUp, type SignedUp } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, send } from './support/sockets.js';

const server = useServer();
const lookup = () => createWorkspaceLookup(server().db, () => server().app.io);
const fillerRows = 20_000;

let ada: SignedUp;
let bob: SignedUp;
let eve: SignedUp;

async function say(from: SignedUp, to: SignedUp, text: string): Promise<number> {
  const socket = await connect(server().url, from.token);
  const ack = await send(socket, { chat_type: 'room', other_user_id: to.user.user_id, message: text });
  socket.disconnect();
  if (!ack.ok || !('chat_room_id' in ack.message)) throw new Error(`send refused: ${JSON.stringify(ack)}`);
  return ack.message.chat_room_id;
}

async function texts(userId: number, term: string, limit = 10): Promise<string[]> {
  return (await lookup().searchMessages(userId, term, limit)).map((m) => m.text);
}

beforeAll(async () => {
  ada = await signUp(server(), { first: 'Ada' });
  bob = await signUp(server(), { first: 'Bob' });
  eve = await signUp(server(), { first: 'Eve' });
  for (const text of ['a_c', 'abc', '50% off', '50 percent', 'back\\slash', 'backslash', 'under_score']) await say(ada, bob, text);
  const roomId = await say(ada, bob, 'the needle in the haystack');
  // Enough rows that a scan would cost something, written directly: the send path is not the subject.
  await server().db.rows(sql`
    insert into messages (room_id, sender_id, body, created_at)
    select ${roomId}::bigint, ${ada.user.user_id}::bigint, 'filler ' || i || ' ' || md5(i::text), now()
    from generate_series(1, ${fillerRows}::int) i`);
  await server().db.rows(sql`analyze messages`);
});

describe('the bot’s find', () => {
  it('finds messages on this database, through the real bot', async () => {
    const bot = createBot({ timeoutMs: 2_000 }, lookup());
    const me = { user_id: bob.user.user_id, first_name: 'Bob', last_name: 'User' };
    const reply = await asUser(bob.user.user_id, () => bot.reply({ user: me, text: 'find NEEDLE', history: [], now: new Date() }));
    expect(reply).toContain('the needle in the haystack');
  });

  it('matches LIKE wildcards in the term literally: %, _ and \\', async () => {
    expect(await texts(bob.user.user_id, 'a_c')).toEqual(['a_c']);
    expect(await texts(bob.user.user_id, '_')).toEqual(['under_score', 'a_c']);
    expect(await texts(bob.user.user_id, '50%')).toEqual(['50% off']);
    expect(await texts(bob.user.user_id, '%')).toEqual(['50% off']);
    expect(await texts(bob.user.user_id, 'k\\s')).toEqual(['back\\slash']);
  });

  it('answers at most 100 matches however many are asked for', async () => {
    expect(await texts(bob.user.user_id, 'filler', 10_000)).toHaveLength(100);
    expect(await texts(bob.user.user_id, 'filler', 0)).toHaveLength(1);
  });

  it('sees only the conversations of the user who asks', async () => {
    expect(await texts(eve.user.user_id, 'needle')).toEqual([]);
  });

  it('answers a long or pathological term quickly', async () => {
    const terms = ['%'.repeat(100_000), '_%\\'.repeat(30_000), 'a'.repeat(100_000), `${'ab'.repeat(40)}%needle`, 'filler 1'];
    for (const term of terms) {
      const started = performance.now();
      await lookup().searchMessages(bob.user.user_id, term, 10);
      expect(performance.now() - started, `term of ${term.length}: ${term.slice(0, 12)}…`).toBeLessThan(1_500);
    }
  });

  // On 20,000 short rows a scan is still the cheaper plan (on 400,000 PostgreSQL picks the
  // index by itself), so scans that are not bitmap scans are switched off for this plan: what is
  // left shows the search query itself can be answered through the trigram index. On PGlite it
  // also shows that pg_trgm is loaded.
  it('the search query can use the trigram index', async () => {
    const plan = await server().db.orm.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_indexscan = off`);
      return tx.execute(sql`explain ${searchMessagesQuery(bob.user.user_id, 'needle', 10)}`);
    });
    const rows = Array.isArray(plan) ? plan : (plan as unknown as { rows: unknown[] }).rows;
    expect(JSON.stringify(rows)).toMatch(/Bitmap Index Scan on messages_body_trgm_idx/);
  });

  it.runIf(testDatabaseKind === 'postgres')('a search that runs too long is cancelled by the statement timeout', async () => {
    const started = performance.now();
    await expect(runSearch(server().db, sql`select pg_sleep(30)`)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(searchTimeoutMs + 2_000);
    // The timeout was local to the search's transaction.
    const [setting] = await server().db.rows<{ statement_timeout: string }>(sql`show statement_timeout`);
    expect(setting?.statement_timeout).toBe('0');
  });
});
