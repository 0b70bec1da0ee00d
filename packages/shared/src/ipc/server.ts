import { z } from 'zod';
import { defineInvoke } from './contract.js';

/** A server address the user typed: an http(s) origin, at most a path prefix after it. */
export const serverUrlSchema = z
  .string()
  .trim()
  .max(2048, 'is too long')
  .refine((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address');

export const serverChoiceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('remote'), url: z.string() }),
  // `shared` defaults to false for settings remembered before it existed: sharing is chosen anew.
  z.object({ mode: z.literal('host'), url: z.string(), shared: z.boolean().default(false), shareUrls: z.array(z.string()) }),
]);

export const outboxLinkSchema = z.object({ to: z.string(), link: z.string(), sentAt: z.string() });

export const serverIpc = {
  current: defineInvoke('server', 'current', z.tuple([])),
  join: defineInvoke('server', 'join', z.tuple([serverUrlSchema])),
  host: defineInvoke('server', 'host', z.tuple([])),
  setSharing: defineInvoke('server', 'setSharing', z.tuple([z.boolean()])),
  outbox: defineInvoke('server', 'outbox', z.tuple([])),
  forget: defineInvoke('server', 'forget', z.tuple([])),
} as const;
