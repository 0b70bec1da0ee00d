import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../src/env.js';
import { createHostPolicy } from '../src/http/host-names.js';
import { pollingHandshake, rawBytes, rawRequest, websocketHandshake, websocketHeaders } from './support/raw-http.js';
import { useServer } from './support/server.js';

const server = useServer({ env: { ALLOWED_HOSTS: 'chat.example.org, Intra.Example:8443', PUBLIC_URL: 'https://parley.example.net' } });

const port = () => new URL(server().url).port;
const misdirected = { error: { code: 'misdirected', message: expect.any(String) } };

/** A non-loopback address of this machine, as a Host header names it. */
function interfaceAddress(): string | undefined {
  const found = Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .find((a) => !a.internal && a.family === 'IPv4');
  return found?.address;
}

describe('a Host that is none of the server’s names (DNS rebinding)', () => {
  it('is refused on REST with 421 misdirected, before any route runs', async () => {
    const reply = await rawRequest(
      server().url,
      '/register',
      { host: `evil.example:${port()}` },
      { method: 'POST', body: { email: 'rebound@example.com', password: 'a good password', first_name: 'A', last_name: 'B' } },
    );
    expect(reply.status).toBe(421);
    expect(JSON.parse(reply.text)).toEqual(misdirected);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(server().mail.sent).toHaveLength(0);
  });

  it('is refused on a polling request, the handshake and a request with a session id alike', async () => {
    const handshake = await rawRequest(server().url, pollingHandshake, { host: 'evil.example' });
    expect(handshake.status).toBe(421);
    expect(JSON.parse(handshake.text)).toEqual(misdirected);
    const withSid = await rawRequest(server().url, `${pollingHandshake}&sid=abc`, { host: 'evil.example' });
    expect(withSid.status).toBe(421);
  });

  it('is refused on a websocket upgrade with an HTTP 421 and the JSON body', async () => {
    const reply = await rawRequest(server().url, websocketHandshake, websocketHeaders({ host: `evil.example:${port()}` }));
    expect(reply.status).toBe(421);
    expect(reply.headers['content-type']).toContain('application/json');
    expect(JSON.parse(reply.text)).toEqual(misdirected);
  });

  it('a name that only looks like an own one is foreign too', async () => {
    for (const host of ['localhost.evil.example', '127.0.0.1.nip.io', 'chat.example.org.evil.example']) {
      expect((await rawRequest(server().url, '/health', { host })).status, host).toBe(421);
    }
  });
});

describe('the server’s own names', () => {
  it('loopback names, PUBLIC_URL’s host and ALLOWED_HOSTS are answered, on any port and in any case', async () => {
    for (const host of [
      `localhost:${port()}`,
      `127.0.0.1:${port()}`,
      `[::1]:${port()}`,
      'LOCALHOST',
      'parley.example.net',
      'chat.example.org:443',
      'intra.example',
      'chat.example.org.',
    ]) {
      const reply = await rawRequest(server().url, '/health', { host });
      expect(reply.status, host).toBe(200);
    }
  });

  it('an address of one of the machine’s interfaces is answered', async (context) => {
    const address = interfaceAddress();
    if (!address) context.skip();
    const reply = await rawRequest(server().url, '/health', { host: `${address}:${port()}` });
    expect(reply.status).toBe(200);
  });

  it('an own name opens both socket transports', async () => {
    const polling = await rawRequest(server().url, pollingHandshake, { host: 'chat.example.org' });
    expect(polling.status).toBe(200);
    const websocket = await rawRequest(server().url, websocketHandshake, websocketHeaders({ host: `intra.example:${port()}` }));
    expect(websocket.status).toBe(101);
  });
});

describe('the interface addresses', () => {
  const fakeInterfaces = (() => ({
    eth0: [
      { address: '10.1.2.3', family: 'IPv4', internal: false },
      { address: 'fd00:0:0::2', family: 'IPv6', internal: false },
    ],
  })) as unknown as typeof networkInterfaces;
  const policy = createHostPolicy(parseSettings({}), fakeInterfaces);
  const codeFor = (host: string) => policy({ headers: { host } } as IncomingMessage)?.code ?? 'answered';

  it('are read as the machine has them, IPv6 in brackets in any spelling', () => {
    expect(codeFor('10.1.2.3:3000')).toBe('answered');
    expect(codeFor('[fd00::2]:3000')).toBe('answered');
    expect(codeFor('[FD00:0::2]')).toBe('answered');
    expect(codeFor('10.1.2.4')).toBe('misdirected');
  });
});

describe('a request without a usable Host', () => {
  it('no Host header at all answers 400 invalid_input in the protocol’s shape', async () => {
    for (const version of ['1.1', '1.0']) {
      const text = await rawBytes(server().url, `GET /health HTTP/${version}\r\nConnection: close\r\n\r\n`);
      expect(text).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'invalid_input' } });
    }
  });

  it('a Host that names no host answers 400 invalid_input', async () => {
    for (const host of ['localhost/x', 'a b', 'localhost:99999', 'user@localhost']) {
      const reply = await rawRequest(server().url, '/health', { host });
      expect(reply.status, host).toBe(400);
      expect(JSON.parse(reply.text)).toMatchObject({ error: { code: 'invalid_input', fields: { host: expect.any(String) } } });
    }
  });
});
