import { z } from 'zod';
import { errorDetailSchema } from '../errors.js';

/**
 * One request/response IPC call: its channel and the schema of its arguments, as a tuple.
 * The main process parses every incoming message with `args` before it trusts a field; the
 * preload only forwards named functions' arguments, so a renderer never picks a channel.
 */
export interface InvokeContract<Args extends z.ZodType<readonly unknown[]>> {
  readonly channel: string;
  readonly args: Args;
}

export function defineInvoke<const Channel extends string, Args extends z.ZodType<readonly unknown[]>>(
  channel: Channel,
  args: Args,
): { readonly channel: Channel; readonly args: Args } {
  return { channel, args };
}

/** Prefix of every Parley IPC channel, so a stray channel of some library is never mistaken for ours. */
export const ipcPrefix = 'parley:';

/** A history page: `until` pages older, `after` catches up newer (both message ids). */
export const historyPageSchema = z
  .object({ until: z.number().int().positive().optional(), after: z.number().int().positive().optional() })
  .strict();
export type HistoryPage = z.infer<typeof historyPageSchema>;

/** The `Result` of bridge.ts as a schema, for a caller that wants to check what came back. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: errorDetailSchema }),
  ]);
}
