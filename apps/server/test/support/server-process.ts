import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from './database.js';
import { openMigrated, startServer, type ServerOptions, type TestServer } from './server.js';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

/** The server as production runs it: `src/main.ts` in a process of its own. */
export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything it wrote so far (stdout and stderr), for failure messages. */
  output(): string;
}

/**
 * The environment of a server process on `testDb`: its PostgreSQL database, or PGlite under
 * `dataDir/db` (the folder `src/main.ts` uses without DATABASE_URL). Rate limits are off.
 */
export function serverProcessEnv(testDb: TestDatabase, dataDir: string, port = 0): Record<string, string> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    RATE_LIMITS: 'off',
  };
  delete env.DATABASE_URL;
  if (testDb.target.kind === 'postgres') env.DATABASE_URL = testDb.target.url;
  return env;
}

/** Spawns `src/main.ts` and waits for its "listening" log line. */
export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env, stdio: 'pipe' });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no listening line within ${timeoutMs} ms: ${out}`));
    }, timeoutMs);
    const onData = () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const url = match[1]!;
      resolve({ url, port: Number(new URL(url).port), child, exited, output: () => out });
    };
    child.stdout.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before listening: ${out}`));
    });
  });
}

/**
 * Runs `work` against an in-process server on `testDb` (to sign people up: its mailer is the
 * test's), then stops it and closes the database, so a server process can open it next.
 */
export async function beforeProcessStarts<T>(
  testDb: TestDatabase,
  work: (server: TestServer) => Promise<T>,
  options: ServerOptions = {},
): Promise<T> {
  const db = await openMigrated(testDb);
  const server = await startServer(db, options);
  try {
    return await work(server);
  } finally {
    await server.stop();
    await db.close();
  }
}
