import type { Timers } from '@parley/shared/client';
import { dndEnd, runningPause, type DndChoice } from './dnd-window.js';

export interface DndDeps {
  now: () => Date;
  timers: Timers;
  /** The remembered end of a pause (ISO 8601), so it survives a restart. */
  load: () => Promise<string | null>;
  save: (until: string | null) => Promise<void>;
  /** The pause started, ended or changed: the tray redraws. */
  changed: (until: Date | null) => void;
}

/**
 * Do not disturb: notifications are held back until the pause ends. Unread counts and the badge
 * are not its business; they go on as always.
 */
export class DndController {
  private until: Date | null = null;
  private timer: unknown = null;

  constructor(private readonly deps: DndDeps) {}

  /** The end of the running pause, or null. Read from the clock too, in case the timer is late (sleep). */
  get pausedUntil(): Date | null {
    return runningPause(this.until, this.deps.now());
  }

  get paused(): boolean {
    return this.pausedUntil !== null;
  }

  async restore(): Promise<void> {
    const stored = await this.deps.load();
    const until = runningPause(stored === null ? null : new Date(stored), this.deps.now());
    if (until === null && stored !== null) await this.deps.save(null);
    this.apply(until);
  }

  async pause(choice: DndChoice): Promise<void> {
    const until = dndEnd(choice, this.deps.now());
    this.apply(until);
    await this.deps.save(until.toISOString());
  }

  async resume(): Promise<void> {
    this.apply(null);
    await this.deps.save(null);
  }

  private apply(until: Date | null): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
    this.until = until;
    if (until !== null) {
      this.timer = this.deps.timers.setTimeout(() => {
        this.timer = null;
        void this.resume();
      }, until.getTime() - this.deps.now().getTime());
    }
    this.deps.changed(this.pausedUntil);
  }
}

/** A notification sink that drops what arrives during a pause (the unread count already has it). */
export function unlessPaused<T>(dnd: Pick<DndController, 'paused'>, show: (notification: T) => void): (notification: T) => void {
  return (notification) => {
    if (!dnd.paused) show(notification);
  };
}
