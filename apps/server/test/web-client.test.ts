import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { call } from './support/http.js';
import { rawRequest } from './support/raw-http.js';
import { openMigrated, startServer, type TestServer } from './support/server.js';

let testDb: TestDatabase;
let db: Database;
let built: TestServer;
let missing: TestServer;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-web-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Parley web</title><script src="/app/assets/app.js"></script>');
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log("parley")');
  testDb = await createTestDatabase();
  db = await openMigrated(testDb);
  // Published the way a TLS proxy on :13443 in front of it would publish it.
  built = await startServer(db, { env: { WEB_CLIENT_DIR: dir, PUBLIC_URL: 'https://127.0.0.1:13443' } });
  missing = await startServer(db, { env: { WEB_CLIENT_DIR: join(dir, 'not-built') } });
});

afterAll(async () => {
  await built.stop();
  await missing.stop();
  await db.close();
  await testDb.drop();
});

describe('web client', () => {
  it('/ redirects to /app/', async () => {
    const reply = await call(built, 'GET', '/');
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe('/app/');
  });

  it('/app/ serves the build’s index.html with a strict Content-Security-Policy', async () => {
    const reply = await call(built, 'GET', '/app/');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('Parley web');
    const csp = reply.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const port = new URL(built.url).port;
    expect(csp).toContain(`connect-src 'self' wss://127.0.0.1:13443 ws://127.0.0.1:${port} wss://127.0.0.1:${port};`);
    expect(csp).not.toContain('unsafe');
  });

  it('behind a proxy that forwards Host without the port, the socket may still reach PUBLIC_URL', async () => {
    // nginx's usual `proxy_set_header Host $host` leaves `Host: 127.0.0.1` for a page on :13443.
    const reply = await rawRequest(built.url, '/app/', { host: '127.0.0.1' });
    const connectSrc = String(reply.headers['content-security-policy']).split('; ').find((d) => d.startsWith('connect-src'));
    expect(connectSrc).toBe("connect-src 'self' wss://127.0.0.1:13443 ws://127.0.0.1 wss://127.0.0.1");
  });

  it('serves the build’s assets, which browsers may cache', async () => {
    const reply = await call(built, 'GET', '/app/assets/app.js');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('parley');
    expect(reply.headers.get('cache-control')).not.toContain('no-store');
    expect(reply.headers.get('etag')).not.toBeNull();
    expect((await call(built, 'GET', '/app/')).headers.get('cache-control')).not.toContain('no-store');
  });

  it('a path with bad percent-encoding answers 400, not a 5xx', async () => {
    const reply = await call(built, 'GET', '/app/%ff');
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('answers a client-side route with index.html, a missing asset with 404', async () => {
    const route = await call(built, 'GET', '/app/groups/12');
    expect(route.status).toBe(200);
    expect(route.text).toContain('Parley web');
    const asset = await call(built, 'GET', '/app/assets/missing.js');
    expect(asset.status).toBe(404);
    expect(asset.body).toMatchObject({ error: { code: 'not_found' } });
    expect(asset.headers.get('cache-control')).toBe('no-store');
  });

  it('without a build, /app/ says how to build it', async () => {
    const reply = await call(missing, 'GET', '/app/');
    expect(reply.headers.get('content-type')).toContain('text/html');
    expect(reply.text).toContain('npm run build:web -w @parley/desktop');
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });
});
