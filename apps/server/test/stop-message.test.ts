import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';
import { call } from './support/http.js';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
let testDb: TestDatabase | undefined;

afterAll(async () => {
  await testDb?.drop();
});

describe('the server hosted by the desktop app', () => {
  it('stops cleanly within 5 s when its parent sends {type: "stop"} over IPC (no signal on Windows)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-stop-'));
    testDb = await createTestDatabase();
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    if (testDatabaseKind === 'postgres' && testDb.target.kind === 'postgres') env.DATABASE_URL = testDb.target.url;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env,
      stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // main.ts reports its port over IPC once it listens.
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`never listened: ${output}`)), 100_000);
        child.on('message', (message: { type?: string; port?: number }) => {
          if (message.type === 'listening' && typeof message.port === 'number') {
            clearTimeout(timer);
            resolve(message.port);
          }
        });
        void exited.then(() => reject(new Error(`exited early: ${output}`)));
      });
      expect((await call({ url: `http://127.0.0.1:${port}` }, 'GET', '/health')).body).toEqual({ status: 'ok' });

      child.send({ type: 'something else' });
      child.send({ type: 'stop' });
      const started = Date.now();
      const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 6_000))]);
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 150_000);
});
