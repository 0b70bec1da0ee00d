import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.js';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from './support/database.js';

/*
 * Hot statements carry their values in their text, and on PGlite such a statement goes by the
 * simple protocol; a statement with parameters goes by the extended one. Both must come back in
 * one shape, or a row read one way would be misread the other.
 */
let test: TestDatabase;
let db: Database;

beforeAll(async () => {
  test = await createTestDatabase();
  db = openDatabase(test.target);
});

afterAll(async () => {
  await db.close();
  await test.drop();
});

const columns = (n: unknown, text: unknown) => sql`
  select ${n}::bigint as n, ${text}::text as t, '2026-12-03T10:00:00.123Z'::timestamptz as at, '2026-12-03'::date as d,
    json_build_object('a', 1, 'b', array[1, 2]) as j, null::int as nothing, true as yes`;

describe(`raw rows on ${testDatabaseKind}`, () => {
  it('are the same with values in the text and as parameters', async () => {
    const [inText] = await db.rows(columns(sql.raw('42'), sql.raw("'it''s \uFEFFhere'")));
    const [asParameters] = await db.rows(columns(42, "it's \uFEFFhere"));
    expect(inText).toEqual(asParameters);
    expect(inText).toMatchObject({ t: "it's \uFEFFhere", j: { a: 1, b: [1, 2] }, nothing: null, yes: true });
    expect(Number(inText!.n)).toBe(42);
    expect(new Date(inText!.at as string).toISOString()).toBe('2026-12-03T10:00:00.123Z');
  });

  it('of a statement that finds nothing are an empty list', async () => {
    expect(await db.rows(sql`select 1 as one where false`)).toEqual([]);
  });

  it('report an error in the statement as an error', async () => {
    await expect(db.rows(sql`select no_such_column from users`)).rejects.toThrow(/no_such_column/);
  });
});
