import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import type { ConnectionState, ServerEvent } from '@parley/shared/ipc';
import { Connection } from '../../src/main/connection/connection.js';
import { realTimers } from '../../src/main/connection/socket-port.js';
import { socketIoFactory } from '../../src/main/connection/socket-io-port.js';

// The real socket.io client against a real Socket.IO server on 127.0.0.1, port 0.
let http: HttpServer;
let io: Server;
let connection: Connection | null = null;
/** Handshakes still to refuse as `unavailable` (the server's database is down). */
let unavailableHandshakes = 0;
const handshakeTokens: unknown[] = [];

async function startServer(port = 0): Promise<string> {
  http = createServer();
  io = new Server(http);
  io.use((socket, next) => {
    handshakeTokens.push(socket.handshake.auth.token);
    if (unavailableHandshakes > 0) {
      unavailableHandshakes -= 1;
      const error = new Error('unavailable') as Error & { data: unknown };
      error.data = { code: 'unavailable' };
      return next(error);
    }
    if (socket.handshake.auth.token === 'good') return next();
    const error = new Error('unauthorized') as Error & { data: unknown };
    error.data = { code: 'unauthorized' };
    next(error);
  });
  io.on('connection', (socket) => {
    socket.on('message', (payload: { message: string }, ack: (answer: unknown) => void) =>
      ack({ ok: true, message: { id: 1, is_user: true, message: payload.message, timestamp: '2026-11-24T09:30:00.000Z' } }),
    );
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

async function stopServer(): Promise<void> {
  io.disconnectSockets(true);
  await new Promise<void>((resolve) => io.close(() => resolve()));
}

function waitFor(check: () => boolean, ms = 5000): Promise<void> {
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

function connect(url: string, token: string) {
  const states: ConnectionState[] = [];
  const events: ServerEvent[] = [];
  const counters = { resyncs: 0, expired: 0 };
  connection = new Connection({ socketFactory: socketIoFactory, timers: realTimers, random: () => 0.5, policy: { baseMs: 50, maxMs: 200, jitter: 0 } });
  connection.onState((state) => states.push(state));
  connection.onServerEvent((event) => events.push(event));
  connection.onResync(() => counters.resyncs++);
  connection.onSessionExpired(() => counters.expired++);
  connection.start(url, token);
  return { connection, states, events, counters };
}

afterEach(async () => {
  unavailableHandshakes = 0;
  handshakeTokens.length = 0;
  connection?.stop();
  connection = null;
  await stopServer().catch(() => undefined);
});

describe('connection over a real Socket.IO server', () => {
  it('connects with the token as handshake auth and relays server events', async () => {
    const url = await startServer();
    const { connection, events } = connect(url, 'good');
    await waitFor(() => connection.state.status === 'connected');
    io.emit('presence', { user_id: 2, online: true });
    await waitFor(() => events.length === 1);
    expect(events[0]).toEqual({ event: 'presence', payload: { user_id: 2, online: true } });
  });

  it('a send resolves with the acknowledgement', async () => {
    const url = await startServer();
    const { connection } = connect(url, 'good');
    await waitFor(() => connection.state.status === 'connected');
    expect(await connection.send({ chat_type: 'bot', message: 'hello' })).toMatchObject({ ok: true, message: { message: 'hello' } });
  });

  it('a refused token ends the session', async () => {
    const url = await startServer();
    const { connection, counters } = connect(url, 'revoked');
    await waitFor(() => counters.expired === 1);
    expect(connection.state).toEqual({ status: 'signed_out' });
  });

  it('a handshake refused as unavailable keeps the session and retries with the same token', async () => {
    const url = await startServer();
    unavailableHandshakes = 2;
    const { connection, counters } = connect(url, 'good');
    await waitFor(() => connection.state.status === 'connected');
    expect([counters.expired, handshakeTokens]).toEqual([0, ['good', 'good', 'good']]);
  });

  it('a server restart is survived: reconnect with backoff, then resync', async () => {
    const url = await startServer();
    const port = Number(new URL(url).port);
    const { connection, states, counters } = connect(url, 'good');
    await waitFor(() => connection.state.status === 'connected');
    await stopServer();
    await waitFor(() => states.some((s) => s.status === 'reconnecting' && s.attempt >= 2));
    await startServer(port);
    await waitFor(() => connection.state.status === 'connected');
    expect(counters.resyncs).toBe(1);
  });

  it('a socket dropped by the server reconnects and resyncs', async () => {
    const url = await startServer();
    const { connection, counters } = connect(url, 'good');
    await waitFor(() => connection.state.status === 'connected');
    io.disconnectSockets(true);
    await waitFor(() => counters.resyncs === 1);
    expect(connection.state.status).toBe('connected');
  });
});
