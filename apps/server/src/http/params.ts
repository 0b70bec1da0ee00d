import { idParamSchema, parseOrThrow } from '@parley/shared';
import { z } from 'zod';

/** An id from the path: digits only (else 400 naming `field`); may still be out of reach. */
export function pathId(value: unknown, field = 'id'): number {
  return parseOrThrow(z.object({ [field]: idParamSchema }), { [field]: value })[field] as number;
}
