import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientToServerEvents, SendAck, ServerToClientEvents } from '@parley/shared';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';
import { call, signUp, uniqueEmail, type SignedUp } from './support/http.js';
import { httpsCall } from './support/https-call.js';
import { nginxBinary, startNginx, type Nginx } from './support/nginx.js';
import { beforeProcessStarts, serverProcessEnv, startServerProcess, type ServerProcess } from './support/server-process.js';
import { nextEvent, sleep } from './support/sockets.js';

/*
 * deploy/nginx/parley.conf run by Debian's nginx in front of two real nodes (PostgreSQL and
 * Redis): TLS ends at nginx, clients come from distinct loopback addresses, and the nodes trust
 * nginx's forwarded headers through TRUST_PROXY.
 */
const redisUrl = process.env.PARLEY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `parley-test-${randomBytes(4).toString('hex')}`;
type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let testDb: TestDatabase | undefined;
const nodes: ServerProcess[] = [];
const sockets: ClientSocket[] = [];
let proxy: Nginx | undefined;

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await proxy?.stop();
  for (const node of nodes) node.child.kill('SIGKILL');
  await testDb?.drop();
  if (testDatabaseKind !== 'postgres' || !nginxBinary) return;
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length > 0) await redis.del(keys);
  await redis.quit();
});

/** A socket through nginx, from `localAddress` when given (the websocket transport binds it). */
function connectThrough(nginx: Nginx, token: string, options: { transports: ('websocket' | 'polling')[]; localAddress?: string }): Promise<ClientSocket> {
  const socket: ClientSocket = io(nginx.url, {
    auth: { token },
    transports: options.transports,
    ca: nginx.ca.toString(),
    localAddress: options.localAddress,
    reconnection: false,
    forceNew: true,
  } as Parameters<typeof io>[1]);
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(new Error(`connect through nginx failed: ${error.message}`)));
  });
}

/** The status of a plain-HTTP GET made from `localAddress`. */
function plainFrom(localAddress: string, baseUrl: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { headers, localAddress, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sockets connected to a node, asked of the node itself (its /metrics is loopback-only). */
async function socketsOn(node: ServerProcess): Promise<number> {
  const reply = await call(node, 'GET', '/metrics');
  // Just this gauge: right after start the event-loop summary can print NaN as "Nan".
  const match = /^parley_connected_sockets (\d+)$/m.exec(reply.text);
  if (!match) throw new Error(`no parley_connected_sockets in ${reply.text.slice(0, 200)}`);
  return Number(match[1]);
}

const title = !nginxBinary
  ? 'nginx in front of two nodes: skipped, nginx is not installed (apt-get install nginx)'
  : 'nginx (deploy/nginx/parley.conf) in front of two nodes on PostgreSQL and Redis';

describe.skipIf(testDatabaseKind !== 'postgres' || !nginxBinary)(title, () => {
  let nginx: Nginx;
  let ada: SignedUp;
  let bob: SignedUp;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    [ada, bob] = (await beforeProcessStarts(testDb, (s) => Promise.all([signUp(s, { first: 'Ada' }), signUp(s, { first: 'Bob' })]))) as [SignedUp, SignedUp];
    const env = async () => ({
      ...serverProcessEnv(testDb!, await mkdtemp(join(tmpdir(), 'parley-behind-nginx-'))),
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      // nginx connects to the nodes from 127.0.0.1; the clients come from other 127/8 addresses.
      TRUST_PROXY: '127.0.0.1',
      RATE_LIMITS: 'on',
      // Another origin, so that only the own-origin check can let the proxied page in.
      PUBLIC_URL: 'https://chat.example.com',
    });
    nodes.push(...(await Promise.all([startServerProcess(await env()), startServerProcess(await env())])));
    nginx = await startNginx([nodes[0]!.port, nodes[1]!.port]);
    proxy = nginx;
  }, 120_000);

  it('answers REST over TLS, redirects plain HTTP, and keeps operator endpoints off the public address', async () => {
    expect((await httpsCall(nginx.url, 'GET', '/health', { ca: nginx.ca })).body).toEqual({ status: 'ok' });
    expect((await httpsCall(nginx.url, 'GET', '/ready', { ca: nginx.ca })).body).toEqual({ status: 'ready', database: 'postgres' });
    const login = await httpsCall(nginx.url, 'POST', '/login', { ca: nginx.ca, body: { email: ada.email, password: ada.password } });
    expect(login.status).toBe(200);
    const token = (login.body as { token: string }).token;
    expect((await httpsCall(nginx.url, 'GET', '/notifications', { ca: nginx.ca, token })).status).toBe(200);
    const redirect = await fetch(`${nginx.plainUrl}/chat_rooms`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, 'https://127.0.0.1/chat_rooms']);
    for (const path of ['/metrics', '/admin/backup']) expect((await httpsCall(nginx.url, 'GET', path, { ca: nginx.ca })).status).toBe(404);
  });

  it('a node sees the https origin through X-Forwarded-Proto from its trusted proxy, and only from it', async () => {
    const origin = new URL(nginx.url).origin;
    const own = await httpsCall(nginx.url, 'GET', '/health', { ca: nginx.ca, headers: { origin } });
    expect([own.status, own.headers['access-control-allow-origin']]).toEqual([200, origin]);
    // The same host on plain HTTP is another origin.
    const plain = await httpsCall(nginx.url, 'GET', '/health', { ca: nginx.ca, headers: { origin: origin.replace('https:', 'http:') } });
    expect([plain.status, (plain.body as { error: { code: string } }).error.code]).toEqual([403, 'forbidden']);
    // Straight to a node, a client's own X-Forwarded-Proto is a claim: 127.0.0.2 is no proxy.
    const nodeOrigin = `https://127.0.0.1:${nodes[0]!.port}`;
    const direct = await fetch(`${nodes[0]!.url}/health`, { headers: { origin: nodeOrigin, 'x-forwarded-proto': 'https' } });
    expect(direct.status).toBe(200);
    const claimed = await plainFrom('127.0.0.2', nodes[0]!.url, '/health', { origin: nodeOrigin, 'x-forwarded-proto': 'https' });
    expect(claimed).toBe(403);
  });

  it('limits registrations per client address as nginx reports it, whatever the client claims', async () => {
    const register = (localAddress: string, claimed: string) =>
      httpsCall(nginx.url, 'POST', '/register', {
        ca: nginx.ca,
        localAddress,
        headers: { 'x-forwarded-for': claimed },
        body: { email: uniqueEmail('limited'), password: 'a good password', first_name: 'R', last_name: 'L' },
      });
    for (let i = 1; i <= 20; i += 1) expect((await register('127.0.0.2', `198.51.100.${i}`)).status).toBe(202);
    const limited = await register('127.0.0.2', '198.51.100.21');
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, expect.stringMatching(/^\d+$/)]);
    // Another client address has its own allowance: the nodes did not count nginx's address.
    expect((await register('127.0.0.3', '198.51.100.1')).status).toBe(202);
  }, 60_000);

  it('carries a direct message between websocket clients on different nodes, and a polling client', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const before = await socketsOn(a);
    const adaSocket = await connectThrough(nginx, ada.token, { transports: ['websocket'], localAddress: '127.0.0.10' });
    await sleep(100);
    const adaOnA = (await socketsOn(a)) === before + 1;
    // Bob from the next addresses until nginx's hash puts him on the other node.
    let bobSocket: ClientSocket | undefined;
    for (let host = 11; host < 60 && !bobSocket; host += 1) {
      const countBefore = await socketsOn(a);
      const socket = await connectThrough(nginx, bob.token, { transports: ['websocket'], localAddress: `127.0.0.${host}` });
      await sleep(100);
      const onA = (await socketsOn(a)) === countBefore + 1;
      if (onA !== adaOnA) {
        bobSocket = socket;
        break;
      }
      socket.disconnect();
      // Gone from the node before the next count.
      for (let wait = 0; wait < 40 && (await socketsOn(a)) !== countBefore; wait += 1) await sleep(50);
    }
    if (!bobSocket) throw new Error('nginx put every client address on one node');
    // One socket on each node: Ada's and Bob's.
    expect([await socketsOn(a), await socketsOn(b)]).toEqual([1, 1]);

    const delivered = nextEvent(bobSocket, 'message', (m) => m.chat_type === 'room' && m.message === 'through nginx');
    const ack: SendAck = await adaSocket.timeout(5_000).emitWithAck('message', { chat_type: 'room', other_user_id: bob.user.user_id, message: 'through nginx' });
    expect(ack.ok).toBe(true);
    expect(await delivered).toMatchObject({ user_id: ada.user.user_id });

    // Polling only: each long poll and each send is a request of its own, and every one must
    // reach the node that holds the session (an unknown session id would end the socket).
    const polling = await connectThrough(nginx, bob.token, { transports: ['polling'] });
    for (let i = 0; i < 5; i += 1) {
      const received = nextEvent(polling, 'message', (m) => m.chat_type === 'room' && m.message === `poll ${i}`);
      const sent: SendAck = await adaSocket.timeout(5_000).emitWithAck('message', { chat_type: 'room', other_user_id: bob.user.user_id, message: `poll ${i}` });
      expect(sent.ok).toBe(true);
      await received;
      const answer = nextEvent(adaSocket, 'message', (m) => m.chat_type === 'room' && m.message === `reply ${i}`);
      const replied: SendAck = await polling.timeout(5_000).emitWithAck('message', { chat_type: 'room', other_user_id: ada.user.user_id, message: `reply ${i}` });
      expect(replied.ok).toBe(true);
      await answer;
    }
    expect([polling.connected, polling.io.engine.transport.name]).toEqual([true, 'polling']);
  }, 60_000);
});
