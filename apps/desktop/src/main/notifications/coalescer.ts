import type { ConversationKey } from '@parley/shared';
import type { NotificationRequest, Timers } from '@parley/shared/client';

export interface Coalesced extends NotificationRequest {
  /** How many messages this notification stands for. */
  count: number;
}

/**
 * Keeps a burst from flooding the screen: the first message of a quiet conversation shows at once;
 * those that follow within `windowMs` are held and shown as one "N new messages" notification
 * (replacing the previous one of that conversation) when the window closes.
 */
export class NotificationCoalescer {
  private readonly open = new Map<ConversationKey, { held: number; latest: NotificationRequest; timer: unknown }>();

  constructor(
    private readonly show: (notification: Coalesced) => void,
    private readonly timers: Timers,
    private readonly windowMs = 4000,
  ) {}

  push(request: NotificationRequest): void {
    const burst = this.open.get(request.key);
    if (burst) {
      burst.held += 1;
      burst.latest = request;
      return;
    }
    this.show({ ...request, count: 1 });
    this.startWindow(request);
  }

  /** Drops held notifications of a conversation, e.g. when the user opens it. */
  forget(key: ConversationKey): void {
    const burst = this.open.get(key);
    if (burst) this.timers.clearTimeout(burst.timer);
    this.open.delete(key);
  }

  clear(): void {
    for (const key of [...this.open.keys()]) this.forget(key);
  }

  private startWindow(request: NotificationRequest): void {
    const entry = { held: 0, latest: request, timer: null as unknown };
    entry.timer = this.timers.setTimeout(() => this.closeWindow(request.key), this.windowMs);
    this.open.set(request.key, entry);
  }

  private closeWindow(key: ConversationKey): void {
    const burst = this.open.get(key);
    this.open.delete(key);
    if (!burst || burst.held === 0) return;
    const { latest, held } = burst;
    this.show({ ...latest, body: held === 1 ? latest.body : `${held} new messages`, count: held });
    // A burst still going keeps being summed up, one notification per window at most.
    this.startWindow(latest);
  }
}
