import { z } from 'zod';

/** What the runner may ask a load process; the worker parses every request with these. */
const url = z.url();
const token = z.string().min(1);

export const connectRequest = z.object({ url, tokens: z.array(token), limitMs: z.number().int().positive() });
export const enterRequest = z.object({
  url,
  entries: z.array(z.object({ token, groupId: z.number().int().positive() })),
  concurrency: z.number().int().positive(),
});
export const senderRequest = z.object({ url, token });
export const sendRequest = z.object({
  url,
  token,
  groupIds: z.array(z.number().int().positive()).min(1),
  rate: z.number().positive(),
  durationMs: z.number().int().positive(),
  tag: z.string().regex(/^\w+$/),
});
export const writesRequest = z.object({
  url,
  tokens: z.array(token).min(1),
  peerIds: z.array(z.number().int().positive()).min(1),
  count: z.number().int().positive(),
  window: z.number().int().positive(),
  timeoutMs: z.number().int().positive(),
  /** Paced: each sender starts one send every 1000/rate ms (open loop) instead of as fast as acks allow. */
  ratePerSender: z.number().positive().optional(),
});
export const deliveriesRequest = z.object({ tag: z.string() });

export type SendRequest = z.infer<typeof sendRequest>;
export type WritesRequest = z.infer<typeof writesRequest>;
export type EnterRequest = z.infer<typeof enterRequest>;
