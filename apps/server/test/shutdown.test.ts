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

describe('the server process', () => {
  it('starts from src/main.ts, answers /health, and exits cleanly within 5 s of SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-main-'));
    testDb = await createTestDatabase();
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    if (testDatabaseKind === 'postgres' && testDb.target.kind === 'postgres') env.DATABASE_URL = testDb.target.url;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env, stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 100_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    expect((await call({ url }, 'GET', '/health')).body).toEqual({ status: 'ok' });
    const started = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 150_000);
});
