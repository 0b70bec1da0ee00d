import { z } from 'zod';
import type { ParleyBridge } from './bridge.js';

/** The bridge's request/response domains: everything but the platform tag and the event streams. */
export type BridgeDomain = Exclude<keyof ParleyBridge, 'platform' | 'events'>;
export type BridgeMethod<D extends BridgeDomain> = keyof ParleyBridge[D] & string;

/** What the bridge method `D.M` resolves to: the one type its IPC handler may answer with. */
export type BridgeResult<D extends BridgeDomain, M extends BridgeMethod<D>> = ParleyBridge[D][M] extends (
  ...args: never[]
) => infer R
  ? Awaited<R>
  : never;

/** The arguments of the bridge method `D.M`, as the preload forwards them. */
export type BridgeArgs<D extends BridgeDomain, M extends BridgeMethod<D>> = ParleyBridge[D][M] extends (...args: infer P) => unknown
  ? P
  : never;

/**
 * One IPC call, named after the bridge method it carries (`parley:api:mark-read` for
 * `api.markRead`), with the schema of its arguments as a tuple. The main process parses every
 * incoming message with `args` before it trusts a field, and its handler must answer with the
 * method's result; the preload only forwards named functions' arguments.
 */
export interface IpcCall<D extends BridgeDomain, M extends BridgeMethod<D>, Args extends z.ZodType<readonly unknown[]>> {
  readonly domain: D;
  readonly method: M;
  readonly channel: string;
  readonly args: Args;
}

/** Prefix of every Parley IPC channel, so a stray channel of some library is never mistaken for ours. */
export const ipcPrefix = 'parley:';

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export function defineInvoke<D extends BridgeDomain, M extends BridgeMethod<D>, Args extends z.ZodType<readonly unknown[]>>(
  domain: D,
  method: M,
  args: Args,
): IpcCall<D, M, Args> {
  return { domain, method, channel: `${ipcPrefix}${domain}:${kebab(method)}`, args };
}

/**
 * A history page: `until` pages older, `after` catches up newer, `around` opens at a message
 * (message ids); `changed_after` (a change cursor) asks for the messages changed since, alone or
 * with `after`.
 */
export const historyPageSchema = z
  .object({
    until: z.number().int().positive().optional(),
    after: z.number().int().positive().optional(),
    changed_after: z.number().int().nonnegative().optional(),
    around: z.number().int().positive().optional(),
  })
  .strict();
export type HistoryPage = z.infer<typeof historyPageSchema>;
