import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState, ServerEvent } from '@parley/shared/ipc';
import { createSocketLink, refusalDelayMs, type WebSocketLink } from '../../src/renderer/src/bridge/web-socket';
import { startLoopbackSocketServer, type LoopbackSocketServer } from '../support/loopback-socket-server';

// The web client's socket against a real Socket.IO server on 127.0.0.1, port 0, whose handshake
// is refused as the Parley server refuses it.
let server: LoopbackSocketServer | null = null;
let link: WebSocketLink | null = null;

async function startServer(refuse: (attempt: number) => 'unauthorized' | 'unavailable' | null) {
  const tokens: unknown[] = [];
  server = await startLoopbackSocketServer();
  server.io.use((socket, next) => {
    tokens.push(socket.handshake.auth.token);
    const code = refuse(tokens.length);
    if (code === null) return next();
    const error = new Error(code) as Error & { data: unknown };
    error.data = { code, message: code };
    next(error);
  });
  return { url: server.url, tokens };
}

function open(url: string) {
  const states: ConnectionState[] = [];
  const events: ServerEvent[] = [];
  const counters = { unauthorized: 0, resyncs: 0 };
  link = createSocketLink(url, {
    onEvent: (event) => events.push(event),
    onState: (state) => states.push(state),
    onResync: () => counters.resyncs++,
    onUnauthorized: () => counters.unauthorized++,
  });
  link.connect('tok_1');
  return { states, counters, events };
}

function waitFor(check: () => boolean, ms = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() - started > ms) return reject(new Error('timed out'));
      setTimeout(poll, 10);
    };
    poll();
  });
}

function serverIo() {
  if (!server) throw new Error('no server');
  return server.io;
}

afterEach(async () => {
  link?.disconnect();
  link = null;
  await server?.close();
  server = null;
});

describe('web client socket', () => {
  it('reads presence and group_presence in both shapes and drops malformed ones', async () => {
    const server = await startServer(() => null);
    const { states, events } = open(server.url);
    await waitFor(() => states.at(-1)?.status === 'connected');
    const single = { user_id: 2, online: true };
    const batch = { changes: [{ user_id: 2, online: false }, { user_id: 3, online: true }] };
    const groupSingle = { chat_group_id: 5, user_id: 2, first_name: 'Bob', last_name: 'B', present: true };
    const groupBatch = { chat_group_id: 5, changes: [{ user_id: 3, first_name: 'Cy', last_name: 'C', present: false }] };
    const io = serverIo();
    io.emit('presence', single);
    io.emit('presence', { changes: [{ user_id: 'x', online: true }] });
    io.emit('presence', batch);
    io.emit('group_presence', groupSingle);
    io.emit('group_presence', groupBatch);
    await waitFor(() => events.length === 4);
    expect(events).toEqual([
      { event: 'presence', payload: single },
      { event: 'presence', payload: batch },
      { event: 'group_presence', payload: groupSingle },
      { event: 'group_presence', payload: groupBatch },
    ]);
  });

  it('a handshake refused as unavailable keeps the token and is tried again until it succeeds', async () => {
    const server = await startServer((attempt) => (attempt <= 2 ? 'unavailable' : null));
    const { states, counters } = open(server.url);
    await waitFor(() => states.at(-1)?.status === 'connected');
    expect([counters.unauthorized, server.tokens]).toEqual([0, ['tok_1', 'tok_1', 'tok_1']]);
    expect(states.filter((s) => s.status === 'reconnecting').map((s) => s.status === 'reconnecting' && s.attempt)).toEqual([1, 2]);
  });

  it('only unauthorized ends the session, and then nothing is retried', async () => {
    const server = await startServer(() => 'unauthorized');
    const { counters } = open(server.url);
    await waitFor(() => counters.unauthorized === 1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(server.tokens).toEqual(['tok_1']);
  });

  it('backs off like socket.io: 500 ms doubling to 5 s, jittered', () => {
    expect([1, 2, 3, 4, 5, 10].map((attempt) => refusalDelayMs(attempt, () => 0.5))).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    expect(refusalDelayMs(1, () => 0)).toBe(400);
  });
  it('a server that restarts (its transport closes) is reconnected to, then resynced', async () => {
    const first = await startServer(() => null);
    const { states, counters } = open(first.url);
    await waitFor(() => server!.io.of('/').sockets.size === 1);
    // Closing the engine closes each transport, as a Parley shutdown does: not a sign-out.
    await new Promise<void>((resolve) => server!.io.close(() => resolve()));
    server = await startLoopbackSocketServer(Number(new URL(first.url).port));
    await waitFor(() => counters.resyncs === 1);
    expect(counters.unauthorized).toBe(0);
    expect(states.at(-1)).toEqual({ status: 'connected' });
  });

  it('the server ending the socket (its session ended) signs out and stays disconnected', async () => {
    const { url } = await startServer(() => null);
    const { counters } = open(url);
    await waitFor(() => server!.io.of('/').sockets.size === 1);
    server!.io.disconnectSockets(true);
    await waitFor(() => counters.unauthorized === 1);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(server!.io.of('/').sockets.size).toBe(0);
    expect(counters.resyncs).toBe(0);
  });
});
