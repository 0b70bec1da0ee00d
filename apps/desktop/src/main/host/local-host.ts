import { join } from 'node:path';
import type { Result } from '@parley/shared/ipc';
import type { Timers } from '@parley/shared/client';
import type { ChildLauncher, ChildPort } from './child-port.js';
import { hostedServerEnv } from './server-env.js';

export interface LocalHostDeps {
  launcher: ChildLauncher;
  /** The server bundle (`apps/server/dist/main.js`, or its copy in the packaged app's resources). */
  serverEntry: string;
  /** `<userData>/server`: the embedded database and the mail outbox. */
  dataDir: string;
  /** The web client's build to serve at /app/, when this installation carries one. */
  webClientDir?: string;
  /** The app's own environment: the server gets only what the runtime needs of it. */
  environment: NodeJS.ProcessEnv;
  /** Creates the data folder (the server's working directory) when missing. */
  makeDir: (path: string) => Promise<void>;
  findPort: (preferred: number | null, host: string) => Promise<number>;
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

export interface HostRequest {
  preferredPort: number | null;
  /** Listen on every interface, for others on the network, rather than on loopback only. */
  shareOnNetwork: boolean;
}

export interface HostedServer {
  port: number;
  /** Where this computer talks to it. */
  url: string;
  /** Whether others on the network can reach it (plain HTTP). */
  shared: boolean;
  /** Where others on the network reach it; none when not shared. */
  shareUrls: string[];
}

const loopback = '127.0.0.1';
const everyInterface = '0.0.0.0';

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

  /** Starts the server, or restarts it when it runs with the other network choice. */
  async start(request: HostRequest): Promise<Result<HostedServer>> {
    if (this.running?.shared === request.shareOnNetwork) return { ok: true, value: this.running };
    if (this.running) await this.stop();
    if (!this.deps.entryExists(this.deps.serverEntry)) {
      return {
        ok: false,
        error: { code: 'internal', message: 'The built-in server is missing from this installation (run `npm run build -w @parley/server` in development).' },
      };
    }
    const shared = request.shareOnNetwork;
    const bindTo = shared ? everyInterface : loopback;
    await this.deps.makeDir(this.deps.dataDir);
    const port = await this.deps.findPort(request.preferredPort, bindTo);
    const share = shared ? this.deps.shareUrls(port) : [];
    const url = `http://${loopback}:${port}`;
    const env = hostedServerEnv(
      {
        port,
        host: bindTo,
        dataDir: this.deps.dataDir,
        // Links in confirmation mail must work from the other computers too, when they can join.
        publicUrl: share[0] ?? url,
        ...(this.deps.webClientDir ? { webClientDir: this.deps.webClientDir } : {}),
      },
      this.deps.environment,
    );
    // The data folder as working directory: nothing of wherever the app was started from applies.
    const child = this.deps.launcher({ entry: this.deps.serverEntry, env, cwd: this.deps.dataDir });
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
        this.running = { port, url, shared, shareUrls: share };
        return { ok: true, value: this.running };
      }
      await new Promise<void>((resolve) => this.deps.timers.setTimeout(resolve, pollMs));
    }
    await this.stop();
    return { ok: false, error: { code: 'internal', message: 'The server did not start in time.' } };
  }

  /**
   * Asks the server to stop over its message channel (on Windows a kill is all a signal does, and
   * PGlite would be cut off mid-write), then kills it if it has not exited within the grace
   * period (5 s).
   */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.running = null;
    try {
      child.requestStop();
    } catch {
      // the channel is already closed: the exit or the grace period settles it
    }
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
