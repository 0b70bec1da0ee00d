import { z } from 'zod';

/**
 * Ids are JSON integers. Storage is 64-bit, but JavaScript numbers are exact only to 2^53, so an
 * id beyond that is well-formed yet can never exist: `isReachableId` lets the server answer
 * "not found" without asking the database.
 */
export const idSchema = z
  .number({ error: 'must be an integer' })
  .refine((n) => Number.isInteger(n), 'must be an integer')
  .refine((n) => n > 0, 'must be positive');

export function isReachableId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}

/** An id in a path or query string: digits only, a positive integer. */
export const idParamSchema = z
  .string()
  .regex(/^[1-9][0-9]*$/, 'must be a positive integer')
  .transform((s) => Number(s));

/** ISO 8601 UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
export const timestampSchema = z.iso.datetime({ precision: 3 });

export const clientIdSchema = z.uuid('must be a UUID');

/**
 * `?until=<id>` pages older history; `?after=<id>` (a Parley addition) catches up newer;
 * `?around=<id>` (a Parley addition) is the page around one message, where a search result opens.
 */
export const historyQuerySchema = z.object({
  until: idParamSchema.optional(),
  after: idParamSchema.optional(),
  /** (addition) The messages edited, deleted or reacted to since this change cursor. */
  changed_after: z
    .string()
    .regex(/^(0|[1-9][0-9]*)$/, 'must be a non-negative integer')
    .transform((s) => Number(s))
    .optional(),
  around: idParamSchema.optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;


/** Only on an `?around=` page (whose `has_more` speaks of older messages): whether newer ones remain. */
export const hasMoreAfterSchema = z.boolean().optional();
