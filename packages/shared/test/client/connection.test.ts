import { beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionState, ServerEvent } from '../../src/ipc/index.js';
import { Connection } from '../../src/client/connection.js';
import { FakeSocket } from './fakes/fake-socket.js';
import { FakeTimers } from './fakes/fake-timers.js';

let timers: FakeTimers;
let sockets: FakeSocket[];
let connection: Connection;
let states: ConnectionState[];
let resyncs: number;
let expired: number;

const latest = () => sockets.at(-1)!;

beforeEach(() => {
  timers = new FakeTimers();
  sockets = [];
  connection = new Connection({
    socketFactory: (url, token) => {
      const socket = new FakeSocket(url, token);
      sockets.push(socket);
      return socket;
    },
    timers,
    random: () => 0.5,
  });
  states = [];
  resyncs = 0;
  expired = 0;
  connection.onState((state) => states.push(state));
  connection.onResync(() => resyncs++);
  connection.onSessionExpired(() => expired++);
});

describe('connection', () => {
  it('opens the socket with the token as handshake auth', () => {
    connection.start('http://127.0.0.1:3000', 'secret');
    expect(latest().url).toBe('http://127.0.0.1:3000');
    expect(latest().token).toBe('secret');
    expect(connection.state).toEqual({ status: 'connecting' });
  });

  it('reconnects after the backoff with a fresh socket, then fires resync', () => {
    connection.start('http://127.0.0.1:3000', 'secret');
    latest().serverAccepts();
    latest().drops();
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.closed).toBe(true);
    timers.advance(999);
    expect(sockets).toHaveLength(1);
    timers.advance(1);
    expect(sockets).toHaveLength(2);
    expect(resyncs).toBe(0);
    latest().serverAccepts();
    expect(resyncs).toBe(1);
    expect(states.at(-1)).toEqual({ status: 'connected' });
  });

  it('the wait between failed attempts grows and caps', () => {
    connection.start('http://127.0.0.1:3000', 'secret');
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      latest().refuses();
      waits.push(timers.scheduled[0]!);
      timers.advance(timers.scheduled[0]!);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('waking reconnects at once', () => {
    connection.start('http://127.0.0.1:3000', 'secret');
    latest().serverAccepts();
    latest().drops();
    latest().refuses();
    timers.advance(1000);
    latest().refuses(); // now waiting 2 s
    expect(sockets).toHaveLength(2);
    connection.wake();
    expect(sockets).toHaveLength(3);
    expect(timers.scheduled).toEqual([]);
  });

  it('resuming from sleep replaces a connected socket and resyncs once it is back', () => {
    connection.start('http://127.0.0.1:3000', 'secret');
    latest().serverAccepts();
    connection.resume();
    expect(sockets).toHaveLength(2);
    expect(sockets[0]!.closed).toBe(true);
    latest().serverAccepts();
    expect(resyncs).toBe(1);
  });

  it('logging out stops retrying', () => {
    connection.start('http://127.0.0.1:3000', 'secret');
    latest().serverAccepts();
    latest().drops();
    connection.stop();
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
    expect(connection.state).toEqual({ status: 'signed_out' });
  });

  it('a refused token ends the session instead of retrying', () => {
    connection.start('http://127.0.0.1:3000', 'revoked');
    latest().refuses('unauthorized');
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
    expect(expired).toBe(1);
    expect(connection.state).toEqual({ status: 'signed_out' });
  });

  it('events of a replaced socket are ignored', () => {
    connection.start('http://127.0.0.1:3000', 'secret');
    const first = latest();
    first.serverAccepts();
    first.drops();
    timers.advance(1000);
    first.serverAccepts();
    expect(connection.state).toMatchObject({ status: 'reconnecting' });
  });

  it('server events are parsed and relayed; malformed ones are dropped', () => {
    const seen: ServerEvent[] = [];
    connection.onServerEvent((event) => seen.push(event));
    connection.start('http://127.0.0.1:3000', 'secret');
    latest().serverAccepts();
    latest().serverSends('presence', { user_id: 4, online: true });
    latest().serverSends('presence', { user_id: 'four', online: true });
    latest().serverSends('something_else', {});
    expect(seen).toEqual([{ event: 'presence', payload: { user_id: 4, online: true } }]);
  });

  it('presence in either shape is relayed: one change, or a coalesced changes list', () => {
    const seen: ServerEvent[] = [];
    connection.onServerEvent((event) => seen.push(event));
    connection.start('http://127.0.0.1:3000', 'secret');
    latest().serverAccepts();
    const batch = { changes: [{ user_id: 4, online: true }, { user_id: 5, online: false }] };
    const groupBatch = { chat_group_id: 7, changes: [{ user_id: 4, first_name: 'Ada', last_name: 'L', present: true }] };
    latest().serverSends('presence', batch);
    latest().serverSends('presence', { changes: [] });
    latest().serverSends('group_presence', groupBatch);
    latest().serverSends('group_presence', { chat_group_id: 7, changes: [{ user_id: 4 }] });
    expect(seen).toEqual([
      { event: 'presence', payload: batch },
      { event: 'group_presence', payload: groupBatch },
    ]);
  });

  it('sending while disconnected answers with an error instead of hanging', async () => {
    connection.start('http://127.0.0.1:3000', 'secret');
    const ack = await connection.send({ chat_type: 'bot', message: 'hi' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('a send relays the acknowledgement, parsed', async () => {
    connection.start('http://127.0.0.1:3000', 'secret');
    latest().serverAccepts();
    const stored = { id: 1, is_user: true, message: 'hi', timestamp: '2026-11-24T09:30:00.000Z' };
    latest().answer = () => Promise.resolve({ ok: true, message: stored });
    expect(await connection.send({ chat_type: 'bot', message: 'hi' })).toEqual({ ok: true, message: stored });
    expect(latest().sent).toEqual([{ event: 'message', payload: { chat_type: 'bot', message: 'hi' } }]);
  });

  it('a malformed or missing acknowledgement becomes an error', async () => {
    connection.start('http://127.0.0.1:3000', 'secret');
    latest().serverAccepts();
    latest().answer = () => Promise.resolve({ nonsense: true });
    expect(await connection.leaveGroup(3)).toMatchObject({ ok: false });
    latest().answer = () => Promise.reject(new Error('operation has timed out'));
    expect(await connection.leaveGroup(3)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
