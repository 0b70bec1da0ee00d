import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SelfUser, ServerEvent } from '@parley/shared';
import type { ConnectionState } from '@parley/shared/ipc';
import { Connection, realTimers, socketIoFactory } from '@parley/shared/client';
import { RealServer } from '../support/real-server.js';

// The client core with the real socket.io client against the real Parley server on 127.0.0.1.
let server: RealServer;
let ada: { token: string; user: SelfUser };
let bob: { token: string; user: SelfUser };
const opened: Connection[] = [];

beforeAll(async () => {
  server = await RealServer.start();
  ada = await server.signUp('Ada');
  bob = await server.signUp('Bob');
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

afterEach(() => {
  for (const connection of opened.splice(0)) connection.stop();
});

function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() - started > ms) return reject(new Error('timed out'));
      setTimeout(poll, 20);
    };
    poll();
  });
}

function connect(token: string) {
  const states: ConnectionState[] = [];
  const events: ServerEvent[] = [];
  const counters = { resyncs: 0, expired: 0 };
  const connection = new Connection({ socketFactory: socketIoFactory, timers: realTimers, random: () => 0.5, policy: { baseMs: 100, maxMs: 400, jitter: 0 } });
  opened.push(connection);
  connection.onState((state) => states.push(state));
  connection.onServerEvent((event) => events.push(event));
  connection.onResync(() => counters.resyncs++);
  connection.onSessionExpired(() => counters.expired++);
  connection.start(server.url, token);
  return { connection, states, events, counters };
}

describe('the client core against the real server', () => {
  it('connects with the token and relays parsed events: a message and its notification', async () => {
    const toAda = connect(ada.token);
    const fromBob = connect(bob.token);
    await waitFor(() => toAda.connection.state.status === 'connected' && fromBob.connection.state.status === 'connected');
    const ack = await fromBob.connection.send({ chat_type: 'room', other_user_id: ada.user.user_id, message: 'hello Ada' });
    expect(ack).toMatchObject({ ok: true, message: { user_id: bob.user.user_id, message: 'hello Ada' } });
    await waitFor(() => toAda.events.some((e) => e.event === 'notification'));
    expect(toAda.events).toContainEqual({ event: 'message', payload: expect.objectContaining({ chat_type: 'room', message: 'hello Ada' }) });
    expect(toAda.events).toContainEqual({ event: 'notification', payload: expect.objectContaining({ unread_count: 1 }) });
  });

  it('a refused send is answered through its acknowledgement, parsed', async () => {
    const { connection } = connect(ada.token);
    await waitFor(() => connection.state.status === 'connected');
    const ack = await connection.send({ chat_type: 'group', chat_group_id: 999_999, message: 'anyone?' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await connection.leaveGroup(999_999)).toEqual({ ok: true });
  });

  it('a token the server does not know ends the session instead of retrying', async () => {
    const { connection, counters } = connect('not-a-token');
    await waitFor(() => counters.expired === 1);
    expect(connection.state).toEqual({ status: 'signed_out' });
  });

  it('a server killed and started again is survived: backoff, reconnect with the same token, resync', async () => {
    const { connection, states, counters } = connect(bob.token);
    await waitFor(() => connection.state.status === 'connected');
    await server.kill();
    await waitFor(() => states.some((s) => s.status === 'reconnecting' && s.attempt >= 2));
    await server.run();
    await waitFor(() => connection.state.status === 'connected', 20_000);
    expect([counters.resyncs, counters.expired]).toEqual([1, 0]);
  }, 60_000);

  it('logging out elsewhere with the same token ends this session too', async () => {
    const { connection, counters } = connect(ada.token);
    await waitFor(() => connection.state.status === 'connected');
    await fetch(`${server.url}/logout`, { headers: { authentication: ada.token } });
    await waitFor(() => counters.expired === 1);
    expect(connection.state).toEqual({ status: 'signed_out' });
  });
});
