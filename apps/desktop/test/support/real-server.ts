import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loginResponseSchema, type SelfUser } from '@parley/shared';
import { registrationLink } from '../../e2e/support/outbox.js';

const serverDir = fileURLToPath(new URL('../../../server', import.meta.url));

/** A port free on loopback now, so a restarted server can come back on the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The real Parley server (`src/main.ts`, embedded PGlite in a fresh folder) on a loopback port,
 * which can be killed and started again on the same port and data.
 */
export class RealServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'parley-client-'));
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<RealServer> {
    const server = new RealServer(await freePort());
    await server.run();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and resolves once it answers /health. */
  async run(timeoutMs = 60_000): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      PUBLIC_URL: this.url,
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env, stdio: 'ignore' });
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      const healthy = await fetch(`${this.url}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the server did not become healthy');
  }

  /** Kills the process without warning, as a crash would, and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Registers, confirms and signs in a new person over the API. */
  async signUp(first: string): Promise<{ token: string; user: SelfUser }> {
    const email = `${first.toLowerCase()}.${Date.now().toString(36)}@example.com`;
    const password = 'correct horse battery';
    const post = (path: string, body: unknown) =>
      fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post('/register', { email, password, first_name: first, last_name: 'Test' });
    const link = await registrationLink(this.dataDir, email);
    const confirmed = await fetch(link, { headers: { accept: 'application/json' } });
    if (confirmed.status !== 201) throw new Error(`confirming answered ${confirmed.status}`);
    return loginResponseSchema.parse(await (await post('/login', { email, password })).json());
  }
}
