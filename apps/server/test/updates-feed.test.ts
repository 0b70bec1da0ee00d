import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { call } from './support/http.js';
import { rawBytes } from './support/raw-http.js';
import { openMigrated, startServer, type TestServer } from './support/server.js';

let testDb: TestDatabase;
let db: Database;
let feed: TestServer;
let none: TestServer;
const latest = 'version: 0.2.0\nfiles:\n  - url: Parley-0.2.0.AppImage\n    sha512: abc\npath: Parley-0.2.0.AppImage\n';

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-updates-'));
  await writeFile(join(dir, 'latest-linux.yml'), latest);
  await writeFile(join(dir, 'Parley-0.2.0.AppImage'), 'ELF…');
  await writeFile(join(dir, '.env'), 'SECRET=1');
  await mkdir(join(dir, 'old'));
  testDb = await createTestDatabase();
  db = await openMigrated(testDb);
  feed = await startServer(db, { env: { UPDATES_DIR: dir } });
  none = await startServer(db);
});

afterAll(async () => {
  await feed.stop();
  await none.stop();
  await db.close();
  await testDb.drop();
});

describe('the desktop update feed at /updates/', () => {
  it('serves the feed file, always revalidated, and the installer it names', async () => {
    const yml = await call(feed, 'GET', '/updates/latest-linux.yml');
    expect(yml.status).toBe(200);
    expect(yml.text).toBe(latest);
    expect(yml.headers.get('cache-control')).toBe('no-cache');
    const head = await call(feed, 'HEAD', '/updates/latest-linux.yml');
    expect(head.status).toBe(200);
    const installer = await call(feed, 'GET', '/updates/Parley-0.2.0.AppImage');
    expect(installer.status).toBe(200);
    expect(installer.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers a missing file, a dotfile, a folder and the bare path with the protocol’s 404', async () => {
    for (const path of ['/updates/latest-mac.yml', '/updates/.env', '/updates/old', '/updates/', '/updates']) {
      const reply = await call(feed, 'GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).toMatchObject({ error: { code: 'not_found' } });
      expect(reply.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('never leaves the folder', async () => {
    const answer = await rawBytes(feed.url, 'GET /updates/../../../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(answer).not.toContain('root:');
    expect(answer).toMatch(/^HTTP\/1\.1 (400|404)/);
    const encoded = await call(feed, 'GET', '/updates/..%2F..%2Fpackage.json');
    expect([400, 404]).toContain(encoded.status);
  });

  it('does not exist without UPDATES_DIR', async () => {
    const reply = await call(none, 'GET', '/updates/latest-linux.yml');
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: { code: 'not_found' } });
  });
});
