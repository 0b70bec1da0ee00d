/** How long changes gather before they go out together; the protocol allows up to 250 ms. */
export const presenceWindowMs = 200;

interface Pending<T> {
  /** The state last announced, so a change undone inside the window is not announced at all. */
  announced: boolean;
  state: boolean;
  item: T;
}

/**
 * Gathers on/off changes per key and hands them out at most once per window. The first change
 * after a quiet window goes out at once (a lone change costs no delay); those that follow within
 * the window go out together at its end, each key's last state only.
 */
export class Coalescer<T> {
  private pending = new Map<number, Pending<T>>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly flush: (items: T[]) => void,
    private readonly windowMs = presenceWindowMs,
  ) {}

  /** `state` is the key's new state; callers report transitions only, never repeats. */
  change(key: number, state: boolean, item: T): void {
    const entry = this.pending.get(key);
    if (entry) {
      entry.state = state;
      entry.item = item;
    } else {
      this.pending.set(key, { announced: !state, state, item });
    }
    if (this.timer === null) this.drain();
  }

  /** Whether nothing is waiting and no window is open, so the owner may forget this coalescer. */
  get idle(): boolean {
    return this.timer === null && this.pending.size === 0;
  }

  private drain(): void {
    const items: T[] = [];
    for (const entry of this.pending.values()) if (entry.state !== entry.announced) items.push(entry.item);
    this.pending.clear();
    if (items.length === 0) {
      this.timer = null;
      return;
    }
    this.flush(items);
    this.timer = setTimeout(() => this.drain(), this.windowMs);
    // A window still open must not keep a stopping server alive.
    this.timer.unref();
  }
}
