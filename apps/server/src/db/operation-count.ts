import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';

/**
 * Database operations started and not yet finished: running, or waiting for a connection. Neither
 * driver exposes its pool (postgres.js keeps its connection queues private; PGlite has one
 * connection behind a mutex), so the count is kept at the calls drizzle makes into the driver.
 */
export interface OperationCount {
  readonly inFlight: number;
}

interface MutableCount {
  inFlight: number;
}

function track<T>(count: MutableCount, run: () => Promise<T>): Promise<T> {
  count.inFlight += 1;
  return run().finally(() => {
    count.inFlight -= 1;
  });
}

/**
 * postgres.js: a transaction holds one connection for its whole callback; a statement outside
 * one is lazy (it runs at its first `then`, after drizzle picked its result mode), so it is
 * counted from that moment until it settles.
 */
export function countPostgresOperations(client: Sql): OperationCount {
  const count: MutableCount = { inFlight: 0 };
  const begin = client.begin.bind(client) as (fn: (tx: unknown) => unknown) => Promise<unknown>;
  const unsafe = client.unsafe.bind(client);
  Object.assign(client, {
    begin: (fn: (tx: unknown) => unknown) => track(count, () => begin(fn)),
    unsafe: (...args: Parameters<typeof unsafe>) => {
      const query = unsafe(...args);
      const then = query.then.bind(query) as (ok?: (value: unknown) => unknown, failed?: (error: unknown) => unknown) => Promise<unknown>;
      let counted = false;
      Object.assign(query, {
        then(ok?: (value: unknown) => unknown, failed?: (error: unknown) => unknown) {
          if (!counted) {
            counted = true;
            count.inFlight += 1;
            const done = () => {
              count.inFlight -= 1;
            };
            void then(done, done);
          }
          return then(ok, failed);
        },
      });
      return query;
    },
  });
  return count;
}

/** PGlite: every query, script and transaction waits for its single connection in turn. */
export function countPgliteOperations(client: PGlite): OperationCount {
  const count: MutableCount = { inFlight: 0 };
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  Object.assign(client, {
    query: (...args: Parameters<typeof query>) => track(count, () => query(...args)),
    exec: (...args: Parameters<typeof exec>) => track(count, () => exec(...args)),
    transaction: (...args: Parameters<typeof transaction>) => track(count, () => transaction(...args)),
  });
  return count;
}
