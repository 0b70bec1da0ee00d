import { errorBodySchema, sendAckSchema, simpleAckSchema } from '@parley/shared';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { call, signUp, type SignedUp } from './support/http.js';
import { useServer } from './support/server.js';
import { connect } from './support/sockets.js';

/*
 * Generated input against the running server: whatever arrives, the answer is never a 5xx, every
 * refusal is in the protocol's error shape, and a refused input stores nothing. Runs are bounded
 * (a fixed count and seed-free shrinking on failure) so the file takes a few seconds.
 */

const server = useServer();

/**
 * Every row a request could add or change the number of; compared around each refused input. The
 * bot's replies are left out: one may be stored at any moment after an earlier accepted send.
 */
async function rowCounts(db: Database): Promise<string> {
  const [row] = await db.rows<Record<string, unknown>>(sql`
    select (select count(*) from users) as users,
      (select count(*) from pending_registrations) as pending,
      (select count(*) from sessions) as sessions,
      (select count(*) from chat_rooms) as rooms,
      (select count(*) from chat_groups) as groups,
      (select count(*) from group_members) as members,
      (select count(*) from messages) as messages,
      (select count(*) from bot_messages where is_user) as bot_messages,
      (select coalesce(sum(unread_low + unread_high), 0) from chat_rooms) as room_unread,
      (select coalesce(sum(message_count), 0) from chat_groups) as group_messages,
      (select coalesce(sum(read_count), 0) from group_members) as group_read,
      (select count(present_from) from group_members) as group_present`);
  return JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
}

/** Path segments a client might send: ids, near-ids, junk, and broken percent-encoding. */
const segment = fc.oneof(
  fc.nat({ max: 50 }).map(String),
  fc.constantFrom('%ff', '%E0%A4%A', '%', '%2', '%00', '0', '-1', '1e3', '1.5', '9999999999999999999999', '..', '%2e%2e', 'null'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.stringMatching(/^[A-Za-z0-9%._~-]{0,12}$/),
);

const query = fc.option(
  fc
    .record({ key: fc.constantFrom('until', 'after', 'x'), value: segment })
    .map(({ key, value }) => `?${key}=${value}`),
  { nil: '' },
);

const path = fc
  .tuple(
    fc.constantFrom(
      '/chat_rooms/#',
      '/chat_groups/#',
      '/register/#',
      '/#',
      '/chat_bot',
      '/chat-bot',
      '/chat_rooms',
      '/chat_groups',
      '/notifications',
      '/users',
      '/login',
      '/register',
      '/logout',
      '/health',
    ),
    segment,
    query,
  )
  .map(([template, seg, q]) => template.replace('#', seg) + q);

/** Bodies near the real ones (so validation is exercised field by field) and arbitrary JSON. */
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom('', ' ', '\u0000', '\ud800', 'a@b.c'));
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const nearBody = fc.record(
  {
    email: scalar,
    password: scalar,
    first_name: scalar,
    last_name: scalar,
    chat_group_name: scalar,
    chat_group_id: scalar,
    chat_room_id: scalar,
    author_id: scalar,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  nearBody.map((b) => ({ json: b })),
  fc.jsonValue({ maxDepth: 2 }).map((v) => ({ json: v })),
  fc.string({ maxLength: 30 }).map((raw) => ({ raw })),
  fc.constant({}),
);

describe('generated input', () => {
  let me: SignedUp;
  let other: SignedUp;
  let groupId: number;

  beforeAll(async () => {
    me = await signUp(server());
    other = await signUp(server());
    const group = await call<{ chat_group_id: number }>(server(), 'POST', '/chat_groups', {
      token: me.token,
      body: { chat_group_name: 'Fuzz room' },
    });
    groupId = group.body.chat_group_id;
  });

  it('REST: never a 5xx, every refusal in the error shape, nothing stored from a refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
        path,
        body,
        fc.constantFrom('valid', 'none', 'garbage'),
        async (method, target, payload, tokenKind) => {
          // Logging out with the real token would end the session every other run relies on.
          const token = tokenKind === 'valid' && !target.startsWith('/logout') ? me.token : tokenKind === 'garbage' ? 'x'.repeat(43) : undefined;
          const before = await rowCounts(server().db);
          const sendsBody = method !== 'GET' && method !== 'HEAD';
          const reply = await call(server(), method, target, {
            token,
            ...(sendsBody && 'json' in payload ? { body: payload.json } : {}),
            ...(sendsBody && 'raw' in payload ? { raw: payload.raw } : {}),
          });
          expect(reply.status, `${method} ${target}`).toBeLessThan(500);
          if (reply.status >= 400) {
            if (method !== 'HEAD' && !(reply.headers.get('content-type') ?? '').includes('text/html')) {
              expect(errorBodySchema.safeParse(reply.body).success, `${method} ${target}: ${reply.text}`).toBe(true);
            }
            expect(await rowCounts(server().db), `${method} ${target} stored something`).toBe(before);
          }
        },
      ),
      { numRuns: 250 },
    );
  }, 120_000);

  it('socket: every send is acknowledged in the protocol shape, a refusal stores nothing, the socket stays', async () => {
    // Opened here: the file's sockets are closed after each test.
    const socket = await connect(server().url, me.token);
    const conversationFields = fc.record(
      {
        chat_type: fc.oneof(fc.constantFrom('bot', 'room', 'group'), scalar),
        other_user_id: fc.oneof(fc.constant(other.user.user_id), fc.constant(me.user.user_id), scalar),
        chat_group_id: fc.oneof(fc.constant(groupId), scalar),
        message: fc.oneof(text, fc.constant('x'.repeat(4001)), scalar),
        client_id: fc.oneof(fc.uuid(), scalar),
        token: scalar,
      },
      { requiredKeys: [] },
    );
    const payloads = fc.oneof(conversationFields, fc.jsonValue({ maxDepth: 2 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('message', 'leave_group'), payloads, async (event, payload) => {
        const before = await rowCounts(server().db);
        const ack: unknown = await socket.timeout(5_000).emitWithAck(event as 'message', payload);
        const parsed = (event === 'message' ? sendAckSchema : simpleAckSchema).safeParse(ack);
        expect(parsed.success, JSON.stringify(ack)).toBe(true);
        if (parsed.success && !parsed.data.ok) {
          expect(parsed.data.error.code).not.toBe('internal');
          expect(await rowCounts(server().db), `${event} ${JSON.stringify(payload)} stored something`).toBe(before);
        }
      }),
      { numRuns: 250 },
    );
    expect(socket.connected).toBe(true);
  }, 120_000);
});
