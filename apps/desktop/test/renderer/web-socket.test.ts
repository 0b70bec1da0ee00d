// eslint-disable-next-line no-restricted-imports -- the test's server side runs in Node, on loopback only
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '@parley/shared/ipc';
import { createSocketLink, type WebSocketLink } from '../../src/renderer/src/bridge/web-socket';

// The web client's socket against a real Socket.IO server on 127.0.0.1.
let io: Server;
let link: WebSocketLink | null = null;

async function startServer(port = 0): Promise<string> {
  const http = createServer();
  io = new Server(http);
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as { port: number }).port}`;
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

function open(url: string) {
  const seen = { states: [] as ConnectionState[], resyncs: 0, unauthorized: 0 };
  link = createSocketLink(url, {
    onEvent: () => undefined,
    onState: (state) => seen.states.push(state),
    onResync: () => (seen.resyncs += 1),
    onUnauthorized: () => (seen.unauthorized += 1),
  });
  link.connect('tok_1');
  return seen;
}

const connectedCount = () => io.of('/').sockets.size;

afterEach(async () => {
  link?.disconnect();
  link = null;
  await io.close();
});

describe('web socket link', () => {
  it('a server that restarts (its transport closes) is reconnected to, then resynced', async () => {
    const url = await startServer();
    const seen = open(url);
    await waitFor(() => connectedCount() === 1);
    await io.close();
    await startServer(Number(new URL(url).port));
    await waitFor(() => seen.resyncs === 1);
    expect(seen.unauthorized).toBe(0);
    expect(seen.states.at(-1)).toEqual({ status: 'connected' });
  });

  it('the server ending the socket (its session ended) signs out and stays disconnected', async () => {
    const url = await startServer();
    const seen = open(url);
    await waitFor(() => connectedCount() === 1);
    io.disconnectSockets(true);
    await waitFor(() => seen.unauthorized === 1);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(connectedCount()).toBe(0);
    expect(seen.resyncs).toBe(0);
  });
});
