import type { CpuUse } from './cpu-meter.js';
import { measured, type Target } from './target.js';

export interface WritesResult {
  senders: number;
  /** Offered msgs/s in all, when paced; absent when every sender goes as fast as its acks. */
  offered?: number;
  perSecond: number;
  p50: number;
  p99: number;
  cpu: CpuUse;
}

/**
 * Acknowledged direct messages: `senders` users on their own sockets (one load process), each
 * writing to its own peer with `window` sends in flight, like a desktop flushing its queue.
 * Senders are users 2..9, peers 10..17 of the load (user 1 sends the group messages).
 */
export async function ackedWrites(target: Target, senders: number, perSender: number, window: number, offered?: number): Promise<WritesResult> {
  const { ids, tokens } = target.users;
  const body = {
    url: target.url,
    tokens: tokens.slice(1, 1 + senders),
    peerIds: ids.slice(9, 9 + senders),
    count: perSender,
    window,
    timeoutMs: 120_000,
    ...(offered !== undefined && { ratePerSender: offered / senders }),
  };
  const { value, cpu } = await measured(target, () =>
    target.sender.call<{ perSecond: number; p50: number; p99: number }>('writes', body, 130_000),
  );
  return { senders, ...value, cpu, ...(offered !== undefined && { offered }) };
}
