import { sql, type SQL } from 'drizzle-orm';

/*
 * Values written into a statement's text instead of sent as parameters. With `prepare: false`
 * postgres.js must learn a parameterised statement's types before it can bind them, so every
 * statement with parameters costs two round trips (Parse/Describe, then Bind/Execute); one without
 * any costs one. The plan is still made for the actual values. Only values whose text cannot be
 * anything but a number, a date or a hex digest go this way, and the JSON of a message batch, as
 * an escape-string literal (`textLiteral`); everything else stays a parameter.
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

/**
 * Any text as an escape-string literal, written as libpq's PQescapeLiteral writes it: `E'…'`
 * with backslashes and single quotes doubled. In the `E` form a backslash is an escape whatever
 * `standard_conforming_strings` says, so the literal means exactly `value` on every server
 * setting; the connection's encoding is UTF-8 on both drivers. Used where a statement must carry
 * no parameters: the message batch, which rides a pipelined connection (`rowsInOrder`).
 */
export function textLiteral(value: string): SQL {
  // PostgreSQL text cannot hold NUL; as a parameter it is refused too, so refuse it the same way.
  if (value.includes('\0')) throw new TypeError('text holds a NUL character');
  return sql.raw(`E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
}
