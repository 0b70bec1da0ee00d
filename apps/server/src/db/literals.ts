import { sql, type SQL } from 'drizzle-orm';

/*
 * Values written into a statement's text instead of sent as parameters. With `prepare: false`
 * postgres.js must learn a parameterised statement's types before it can bind them, so every
 * statement with parameters costs two round trips (Parse/Describe, then Bind/Execute); one without
 * any costs one. The plan is still made for the actual values. Only values whose text cannot be
 * anything but a number or a hex digest go this way; everything else stays a parameter.
 */

/** A safe integer as SQL text; anything else is a programming error, never user text. */
export function intLiteral(value: number): SQL {
  if (!Number.isSafeInteger(value)) throw new TypeError(`not a safe integer: ${String(value)}`);
  return sql.raw(String(value));
}

/** A lowercase hex string (a digest we computed) as a quoted SQL literal. */
export function hexLiteral(value: string): SQL {
  if (!/^[0-9a-f]+$/.test(value)) throw new TypeError('not a lowercase hex string');
  return sql.raw(`'${value}'`);
}

/** A valid Date as a timestamptz literal: `toISOString()` yields only digits, `-`, `:`, `.`, `T`, `Z`. */
export function timestampLiteral(value: Date): SQL {
  if (Number.isNaN(value.getTime())) throw new TypeError('not a valid date');
  return sql.raw(`'${value.toISOString()}'::timestamptz`);
}

export function boolLiteral(value: boolean): SQL {
  return sql.raw(value ? 'true' : 'false');
}
