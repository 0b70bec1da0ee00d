import { idParamSchema, parseOrThrow } from '@parley/shared';
import { z } from 'zod';

/**
 * One schema per field name, made once: zod compiles a fast path for each object schema on its
 * first parse, and a schema made per request paid that compile on every request (a CPU profile
 * of the history page showed it as the largest zod cost).
 */
const schemas = new Map<string, z.ZodType<Record<string, number>>>();

function schemaFor(field: string): z.ZodType<Record<string, number>> {
  let schema = schemas.get(field);
  if (!schema) {
    schema = z.object({ [field]: idParamSchema }) as unknown as z.ZodType<Record<string, number>>;
    schemas.set(field, schema);
  }
  return schema;
}

/** An id from the path: digits only (else 400 naming `field`); may still be out of reach. */
export function pathId(value: unknown, field = 'id'): number {
  return parseOrThrow(schemaFor(field), { [field]: value })[field] as number;
}
