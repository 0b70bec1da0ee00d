import type { Timers } from '@parley/shared/client';
import { nextUpdateState, shouldCheck, type UpdateState, type UpdaterReport } from './update-state.js';
import type { UpdateFeed } from './update-feed.js';

/** The few things done with electron-updater's `autoUpdater` (electron-updater-port.ts). */
export interface UpdaterPort {
  /** Points it at a generic feed, downloads in the background, installs on an ordinary quit. */
  configure(feedUrl: string): void;
  onReport(listener: (report: UpdaterReport) => void): void;
  check(): Promise<void>;
  /** Quits and installs; only ever called from the user's "Restart to update". */
  quitAndInstall(): void;
}

export const checkEveryMs = 4 * 60 * 60_000;

export class UpdateController {
  private current: UpdateState = { status: 'idle' };

  constructor(
    private readonly deps: {
      updater: UpdaterPort;
      timers: Timers;
      changed: (state: UpdateState) => void;
      log: (line: string) => void;
      intervalMs?: number;
    },
  ) {}

  get state(): UpdateState {
    return this.current;
  }

  /** Checks now and every few hours; does nothing at all when the feed is off. */
  start(feed: UpdateFeed): void {
    if ('off' in feed) {
      this.set({ status: 'off', reason: feed.off });
      this.deps.log(`[updates] off: ${feed.off}`);
      return;
    }
    this.deps.updater.onReport((report) => this.set(nextUpdateState(this.current, report)));
    this.deps.updater.configure(feed.url);
    this.deps.log(`[updates] feed ${feed.url} (${feed.source})`);
    const tick = () => {
      void this.check();
      this.deps.timers.setTimeout(tick, this.deps.intervalMs ?? checkEveryMs);
    };
    tick();
  }

  /** The user chose "Restart to update". */
  restartToUpdate(): void {
    if (this.current.status === 'ready') this.deps.updater.quitAndInstall();
  }

  private async check(): Promise<void> {
    if (!shouldCheck(this.current)) return;
    try {
      await this.deps.updater.check();
    } catch (error) {
      // electron-updater also emits 'error'; a check that throws without one still ends here.
      this.set(nextUpdateState(this.current, { type: 'error', message: error instanceof Error ? error.message : String(error) }));
    }
  }

  private set(next: UpdateState): void {
    if (next === this.current) return;
    this.current = next;
    if (next.status === 'failed') this.deps.log(`[updates] failed: ${next.message}`);
    if (next.status === 'ready') this.deps.log(`[updates] ${next.version} downloaded, waiting for a restart`);
    this.deps.changed(next);
  }
}
