import { join } from 'node:path';
import type { Result } from '@parley/shared/ipc';
import type { Timers } from '../connection/socket-port.js';
import type { ChildLauncher, ChildPort } from './child-port.js';

export interface LocalHostDeps {
  launcher: ChildLauncher;
  /** The server bundle (`apps/server/dist/main.js`, or its copy in the packaged app's resources). */
  serverEntry: string;
  /** `<userData>/server`: the embedded database and the mail outbox. */
  dataDir: string;
  /** The web client's build to serve at /app/, when this installation carries one. */
  webClientDir?: string;
  findPort: (preferred: number | null) => Promise<number>;
  /** Whether the server bundle is there (development needs `npm run build -w @parley/server`). */
  entryExists: (path: string) => boolean;
  /** Resolves true once `<url>/health` answers ok. */
  isHealthy: (url: string) => Promise<boolean>;
  shareUrls: (port: number) => string[];
  timers: Timers;
  startTimeoutMs?: number;
  pollMs?: number;
  stopGraceMs?: number;
  log?: (line: string) => void;
}

export interface HostedServer {
  port: number;
  /** Where this computer talks to it. */
  url: string;
  /** Where others on the network reach it. */
  shareUrls: string[];
}

/** The server hosted on this computer: started on demand, stopped with the app. */
export class LocalHost {
  private child: ChildPort | null = null;
  private running: HostedServer | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly deps: LocalHostDeps) {}

  get outboxDir(): string {
    return join(this.deps.dataDir, 'outbox');
  }

  get current(): HostedServer | null {
    return this.running;
  }

  async start(preferredPort: number | null): Promise<Result<HostedServer>> {
    if (this.running) return { ok: true, value: this.running };
    if (!this.deps.entryExists(this.deps.serverEntry)) {
      return {
        ok: false,
        error: { code: 'internal', message: 'The built-in server is missing from this installation (run `npm run build -w @parley/server` in development).' },
      };
    }
    const port = await this.deps.findPort(preferredPort);
    const share = this.deps.shareUrls(port);
    const url = `http://127.0.0.1:${port}`;
    const child = this.deps.launcher(this.deps.serverEntry, {
      PORT: String(port),
      HOST: '0.0.0.0',
      DATA_DIR: this.deps.dataDir,
      // Links in confirmation mail must work from the other computers too.
      PUBLIC_URL: share[0] ?? `http://localhost:${port}`,
      ...(this.deps.webClientDir ? { WEB_CLIENT_DIR: this.deps.webClientDir } : {}),
    });
    this.child = child;
    const status: { exitCode: number | null } = { exitCode: null };
    this.exited = new Promise((resolve) =>
      child.onExit((code) => {
        status.exitCode = code;
        if (this.child === child) {
          this.child = null;
          this.running = null;
        }
        resolve();
      }),
    );
    if (this.deps.log) child.onOutput(this.deps.log);

    const pollMs = this.deps.pollMs ?? 250;
    const attempts = Math.ceil((this.deps.startTimeoutMs ?? 30_000) / pollMs);
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (status.exitCode !== null) {
        return { ok: false, error: { code: 'internal', message: `The server stopped while starting (exit code ${status.exitCode}).` } };
      }
      if (await this.deps.isHealthy(url)) {
        this.running = { port, url, shareUrls: share };
        return { ok: true, value: this.running };
      }
      await new Promise<void>((resolve) => this.deps.timers.setTimeout(resolve, pollMs));
    }
    await this.stop();
    return { ok: false, error: { code: 'internal', message: 'The server did not start in time.' } };
  }

  /** SIGTERM, then a hard kill if it has not exited within the grace period (5 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.running = null;
    child.terminate();
    let timer: unknown = null;
    const grace = new Promise<'timeout'>((resolve) => {
      timer = this.deps.timers.setTimeout(() => resolve('timeout'), this.deps.stopGraceMs ?? 5000);
    });
    const outcome = await Promise.race([this.exited.then(() => 'exited' as const), grace]);
    this.deps.timers.clearTimeout(timer);
    if (outcome === 'timeout') child.forceKill();
    this.child = null;
  }
}
