import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ParleyServer } from '../context.js';
import type { Database } from '../db/client.js';

export type StoredKind = 'room' | 'group' | 'bot';

/** What the server counts for `GET /metrics`; one per app, so tests in one process stay apart. */
export interface Metrics {
  readonly registry: Registry;
  /** Messages committed to the database (a retried `client_id` stores nothing and counts nothing). */
  stored(kind: StoredKind, count: number): void;
  /** Seconds from a `message` event's arrival to its acknowledgement. */
  acked(seconds: number, ok: boolean): void;
  /** Reads the gauges that are sampled at scrape time from this node's server and database. */
  observe(io: ParleyServer, db: Database): void;
}

/**
 * Buckets for the ack: a lone send on an idle server is a few milliseconds, a batch under load
 * tens, and anything near a second means the write queue or the database is saturated.
 */
const ackBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Process CPU, memory, handles, GC, and the event loop's lag (nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry });

  const stored = new Counter({
    name: 'parley_messages_stored_total',
    help: 'Chat messages committed to the database, by conversation kind (rate() gives messages per second).',
    labelNames: ['chat_type'] as const,
    registers: [registry],
  });
  const ack = new Histogram({
    name: 'parley_message_ack_seconds',
    help: 'Time from a message event arriving to its acknowledgement, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: ackBuckets,
    registers: [registry],
  });
  let io: ParleyServer | undefined;
  let db: Database | undefined;
  new Gauge({
    name: 'parley_connected_sockets',
    help: 'Authenticated Socket.IO connections on this node.',
    registers: [registry],
    collect() {
      this.set(io?.of('/').sockets.size ?? 0);
    },
  });
  new Gauge({
    name: 'parley_db_pool_size',
    help: 'Database connections this node opens at most (1 on the embedded database).',
    registers: [registry],
    collect() {
      this.set(db?.poolSize ?? 0);
    },
  });
  new Gauge({
    name: 'parley_db_operations_in_flight',
    help: 'Statements and transactions running or waiting for a database connection on this node.',
    registers: [registry],
    collect() {
      this.set(db?.operations.inFlight ?? 0);
    },
  });
  for (const kind of ['room', 'group', 'bot'] as const) stored.inc({ chat_type: kind }, 0);

  return {
    registry,
    stored(kind, count) {
      if (count > 0) stored.inc({ chat_type: kind }, count);
    },
    acked(seconds, ok) {
      ack.observe({ outcome: ok ? 'ok' : 'error' }, seconds);
    },
    observe(server, database) {
      io = server;
      db = database;
    },
  };
}
