import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHealth, serverOrigin } from '../../src/main/host/health.js';

let server: Server | null = null;

async function serve(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

describe('joining a server by URL', () => {
  it('a Parley server answering /health is accepted, by its origin', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/health') res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      else res.writeHead(404).end();
    });
    expect(await checkHealth(`${url}/some/page/`)).toEqual({ ok: true, value: url });
  });

  it('a server that is not Parley is refused', async () => {
    const url = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'));
    expect(await checkHealth(url)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a /health with the wrong shape is refused', async () => {
    const url = await serve((_req, res) => res.writeHead(200).end('{"status":"fine"}'));
    expect(await checkHealth(url)).toMatchObject({ ok: false });
  });

  it('an error status is refused', async () => {
    const url = await serve((_req, res) => res.writeHead(503).end('{"status":"ok"}'));
    expect(await checkHealth(url)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a server that never answers times out', async () => {
    const url = await serve(() => undefined);
    const started = Date.now();
    expect(await checkHealth(url, { timeoutMs: 200 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('nothing listening is refused quickly', async () => {
    const url = await serve(() => undefined);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    expect(await checkHealth(url)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a redirect is not followed', async () => {
    const url = await serve((_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:1/health' }).end());
    expect(await checkHealth(url)).toMatchObject({ ok: false });
  });

  it.each(['ftp://example.com', 'javascript:alert(1)', 'example', 'http://user:pw@example.com'])('%s is not a server address', async (raw) => {
    expect(await checkHealth(raw)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(serverOrigin(raw)).toBeNull();
  });
});
