import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { healthRoutes } from '../src/http/health.routes.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { call } from './support/http.js';
import { openMigrated, startServer, type TestServer } from './support/server.js';

let testDb: TestDatabase | undefined;
let db: Database | undefined;
let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
  await testDb?.drop();
});

const unavailable = [503, expect.stringMatching(/^\d+$/), { error: { code: 'unavailable', message: expect.any(String) } }];

describe('GET /ready', () => {
  it('is 200 with the database kind while the database answers, and /health with it', async () => {
    testDb = await createTestDatabase();
    db = await openMigrated(testDb);
    server = await startServer(db);
    const ready = await call(server, 'GET', '/ready');
    expect([ready.status, ready.body]).toEqual([200, { status: 'ready', database: db.kind }]);
    expect((await call(server, 'GET', '/health')).body).toEqual({ status: 'ok' });
  });

  it('is 503 unavailable with Retry-After while the database is down; /health stays 200', async () => {
    await db!.close();
    const ready = await call(server!, 'GET', '/ready');
    expect([ready.status, ready.headers.get('retry-after'), ready.body]).toEqual(unavailable);
    expect((await call(server!, 'GET', '/health')).status).toBe(200);
  });

  it('is 503 unavailable with Retry-After while the server is shutting down, with the database up', async () => {
    // The route of the app, with the app's own stopping flag raised: a real shutdown stops
    // listening at the same moment, so only a request already on its way would see this.
    let stopping = false;
    const other = await createTestDatabase();
    const live = await openMigrated(other);
    const app = express().use(healthRoutes(live, () => stopping));
    const http = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    const address = http.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      expect((await call({ url }, 'GET', '/ready')).status).toBe(200);
      stopping = true;
      const ready = await call({ url }, 'GET', '/ready');
      expect([ready.status, ready.headers.get('retry-after'), ready.body]).toEqual(unavailable);
      expect((ready.body as { error: { message: string } }).error.message).toMatch(/shutting down/);
    } finally {
      http.close();
      await live.close();
      await other.drop();
    }
  });
});
