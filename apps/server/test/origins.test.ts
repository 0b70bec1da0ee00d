import { describe, expect, it } from 'vitest';
import { call, signUp } from './support/http.js';
import { pollingHandshake, rawRequest, websocketHandshake, websocketHeaders } from './support/raw-http.js';
import { useServer } from './support/server.js';
import { connect } from './support/sockets.js';

const plain = useServer();
const proxied = useServer({ env: { TRUST_PROXY: '127.0.0.1' } });

/** The server's own host:port, and its origin on either scheme. */
const hostOf = (server: { url: string }) => new URL(server.url).host;
const origin = (server: { url: string }, scheme: 'http' | 'https') => `${scheme}://${hostOf(server)}`;

/**
 * Whether the engine.io handshake opens on each transport for these headers (engine.io refuses
 * a polling one with 403, a websocket upgrade with 400).
 */
async function handshakes(server: { url: string }, headers: Record<string, string>) {
  const polling = await rawRequest(server.url, pollingHandshake, { host: hostOf(server), ...headers });
  const websocket = await rawRequest(server.url, websocketHandshake, websocketHeaders({ host: hostOf(server), ...headers }));
  const state = (opened: boolean) => (opened ? 'opens' : 'refused');
  return { polling: state(polling.status === 200), websocket: state(websocket.status === 101) };
}

const refused = { polling: 'refused', websocket: 'refused' };
const opens = { polling: 'opens', websocket: 'opens' };

describe('own origin is scheme, host and port exactly as the request reached the server', () => {
  it('the https origin of a plain-HTTP server is foreign on REST', async () => {
    const reply = await call(plain(), 'GET', '/health', { headers: { origin: origin(plain(), 'https') } });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ error: { code: 'forbidden' } });
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the https origin of a plain-HTTP server is refused at the handshake on both transports', async () => {
    expect(await handshakes(plain(), { origin: origin(plain(), 'https') })).toEqual(refused);
  });

  it('the http origin works on REST and opens a socket on both transports', async () => {
    const own = origin(plain(), 'http');
    const reply = await call(plain(), 'GET', '/health', { headers: { origin: own } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(own);
    expect(await handshakes(plain(), { origin: own })).toEqual(opens);
    const me = await signUp(plain());
    for (const transport of ['websocket', 'polling'] as const) {
      const socket = await connect(plain().url, me.token, { transports: [transport], extraHeaders: { origin: own } });
      expect(socket.connected).toBe(true);
    }
  });

  it('X-Forwarded-Proto from a client that is no trusted proxy changes nothing', async () => {
    const headers = { origin: origin(plain(), 'https'), 'x-forwarded-proto': 'https' };
    expect((await call(plain(), 'GET', '/health', { headers })).status).toBe(403);
    expect(await handshakes(plain(), headers)).toEqual(refused);
  });
});

describe('behind a proxy named in TRUST_PROXY', () => {
  it('X-Forwarded-Proto: https makes the https origin the own one', async () => {
    const headers = { origin: origin(proxied(), 'https'), 'x-forwarded-proto': 'https' };
    const reply = await call(proxied(), 'GET', '/health', { headers });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(headers.origin);
    expect(await handshakes(proxied(), headers)).toEqual(opens);
  });

  it('and the http origin is then foreign', async () => {
    const headers = { origin: origin(proxied(), 'http'), 'x-forwarded-proto': 'https' };
    expect((await call(proxied(), 'GET', '/health', { headers })).status).toBe(403);
    expect(await handshakes(proxied(), headers)).toEqual(refused);
  });
});
