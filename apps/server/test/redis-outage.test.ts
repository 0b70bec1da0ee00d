import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';
import { signUp, type SignedUp } from './support/http.js';
import { beforeProcessStarts, serverProcessEnv, startServerProcess, type ServerProcess } from './support/server-process.js';
import { closeAllSockets, connect, nextEvent, send, sleep } from './support/sockets.js';

/*
 * A node whose Redis is gone for longer than its client's command timeout (5 s) while people
 * keep sending: the node must stay up and answer every send, and carry on once Redis is back.
 * A Redis of the test's own (`redis-server` on a free port), so stopping it disturbs nothing
 * else. PostgreSQL only, like every multi-node test.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('error', reject);
  });
}

async function stopRedis(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

let testDb: TestDatabase | undefined;
let node: ServerProcess | undefined;
let redis: ChildProcess | undefined;

afterAll(async () => {
  closeAllSockets();
  node?.child.kill('SIGKILL');
  await stopRedis(redis);
  await testDb?.drop();
});

describe.skipIf(testDatabaseKind !== 'postgres')('a node whose Redis is away', () => {
  let people: SignedUp[] = [];
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    testDb = await createTestDatabase();
    people = await beforeProcessStarts(testDb, (s) => Promise.all([signUp(s, { first: 'Ada' }), signUp(s, { first: 'Bob' })]));
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-redis-outage-'));
    node = await startServerProcess({ ...serverProcessEnv(testDb, dataDir), REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: 'outage' });
  }, 120_000);

  it('stays up through an outage longer than a command timeout, answers every send, and recovers', async () => {
    const [ada, bob] = people as [SignedUp, SignedUp];
    const sender = await connect(node!.url, ada.token);
    const receiver = await connect(node!.url, bob.token);
    expect((await send(sender, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'before' })).ok).toBe(true);

    await stopRedis(redis);
    // Sends all through the outage: 12 s, so a heartbeat queued up to 5 s into it (one goes every
    // 5 s) reaches the client's 5 s command timeout while Redis is still away.
    const acks = [];
    for (let i = 0; i < 24; i += 1) {
      acks.push(await send(sender, { chat_type: 'room', other_user_id: bob.user.user_id, message: `during ${i}` }));
      await sleep(500);
    }
    expect(node!.child.exitCode, node!.output().slice(-2_000)).toBeNull();
    // Stored and acknowledged: the database is up; only the fan-out to other nodes waits.
    expect(acks.every((ack) => ack.ok)).toBe(true);

    redis = await startRedis(port);
    await sleep(3_000);
    const after = nextEvent(receiver, 'message', (m) => m.chat_type === 'room' && m.message === 'after', 10_000);
    expect((await send(sender, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'after' })).ok).toBe(true);
    expect(await after).toMatchObject({ chat_type: 'room', user_id: ada.user.user_id });
    expect(node!.child.exitCode, node!.output().slice(-2_000)).toBeNull();
  }, 60_000);
});
