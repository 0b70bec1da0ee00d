import { deal } from './connect-storm.js';
import type { CpuUse } from './cpu-meter.js';
import { measured, nodeFor, type Target } from './target.js';

export interface EntriesResult {
  entries: number;
  elapsedMs: number;
  p50: number;
  p99: number;
  failures: number;
  cpu: CpuUse;
}

const perWorkerConcurrency = 10;

/**
 * With everyone online, every user enters the big group and their group of ten
 * (`GET /chat_groups/{id}`): two entries a user, ten requests in flight per load process.
 */
export async function enterGroups(target: Target): Promise<EntriesResult> {
  const { tokens } = target.users;
  const small = target.users.smallGroups;
  const entries = tokens.flatMap((token, i) => [
    { token, groupId: target.users.bigGroup },
    { token, groupId: small[Math.floor(i / 10) % small.length]! },
  ]);
  const parts = deal(entries, target.receivers.length);
  const { value, cpu } = await measured(target, () =>
    Promise.all(
      target.receivers.map((w, i) =>
        w.call<{ elapsedMs: number; p50: number; p99: number; failures: number }>(
          'enter',
          { url: nodeFor(target, i), entries: parts[i], concurrency: perWorkerConcurrency },
          300_000,
        ),
      ),
    ),
  );
  // The sender of the fan-out joins every group too (not timed: it is not part of the load).
  const { sender } = target.users;
  await target.sender.call('open-sender', { url: target.url, token: sender.token });
  const own = [target.users.bigGroup, ...small].map((groupId) => ({ token: sender.token, groupId }));
  await target.sender.call('enter', { url: target.url, entries: own, concurrency: 4 }, 300_000);
  return {
    entries: entries.length,
    elapsedMs: Math.max(...value.map((v) => v.elapsedMs)),
    p50: Math.max(...value.map((v) => v.p50)),
    p99: Math.max(...value.map((v) => v.p99)),
    failures: value.reduce((n, v) => n + v.failures, 0),
    cpu,
  };
}
