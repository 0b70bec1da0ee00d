import type { z } from 'zod';

/** A json column arrives parsed (postgres.js) or as text (PGlite); `json_agg` of nothing is null. */
export function jsonColumn<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return schema.parse(parsed ?? []);
}
