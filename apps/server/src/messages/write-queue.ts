/** What one item of a batch came to: a value, or an error for that item alone. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: Error };

export interface WriteQueue<I, R> {
  /** Resolves with the item's value once its batch is committed (and published). */
  enqueue(item: I): Promise<R>;
}

export interface WriteQueueOptions {
  /** Items per batch at most: bounds one statement's size and the wait of the last item in it. */
  maxBatch: number;
  /** The error every item of a batch gets when the batch itself failed (nothing of it stored). */
  batchFailed(error: unknown, size: number): Error;
}

/**
 * A batch in two stages: `store` is the database's part and `finish` what follows it (lookups,
 * deliveries) and answers each item. With several batches in flight, `store` must run its
 * statements in the order it is called (one connection, pipelined): the queue relies on it for
 * the order of ids. `finish` always runs batch after batch, in order.
 */
export interface WriteStages<I, S, R> {
  store(items: I[]): Promise<S>;
  finish(items: I[], stored: S): Promise<Outcome<R>[]> | Outcome<R>[];
}

export interface StagedQueueOptions extends WriteQueueOptions {
  /** Batches whose `store` may be under way at once. */
  inFlight: number;
}

interface Waiting<I, R> {
  item: I;
  resolve(value: R): void;
  reject(error: Error): void;
}

/**
 * A FIFO group commit with one batch in flight: while it is written the next one collects, so
 * concurrent sends share a transaction and a lone send goes at once, with no timer.
 */
export function createWriteQueue<I, R>(
  write: (items: I[]) => Promise<Outcome<R>[]>,
  options: WriteQueueOptions,
): WriteQueue<I, R> {
  return createStagedWriteQueue({ store: write, finish: (_items, outcomes: Outcome<R>[]) => outcomes }, { ...options, inFlight: 1 });
}

/**
 * The group commit with `inFlight` batches under way: the next batch is sent while the one
 * before it is still being stored, so the database starts on it as soon as the last commit is
 * done instead of after that commit's answer has come back and been delivered. Batches are cut
 * in arrival order and settle their items in that order, which keeps ids, acknowledgements and
 * deliveries in emission order.
 */
export function createStagedWriteQueue<I, S, R>(stages: WriteStages<I, S, R>, options: StagedQueueOptions): WriteQueue<I, R> {
  const waiting: Waiting<I, R>[] = [];
  let storing = 0;
  let cutting = false;
  let finished: Promise<void> = Promise.resolve();

  function settle(batch: Waiting<I, R>[], outcomes: Outcome<R>[]): void {
    batch.forEach((entry, i) => {
      const outcome = outcomes[i];
      if (!outcome) entry.reject(options.batchFailed(new Error('the batch answered fewer items than it was given'), batch.length));
      else if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
  }

  function fail(batch: Waiting<I, R>[], error: unknown): void {
    const failure = options.batchFailed(error, batch.length);
    for (const entry of batch) entry.reject(failure);
  }

  function start(batch: Waiting<I, R>[]): void {
    const items = batch.map((entry) => entry.item);
    storing += 1;
    const stored = stages.store(items);
    void stored.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      storing -= 1;
      void cut();
    });
    finished = finished.then(async () => {
      try {
        settle(batch, await stages.finish(items, await stored));
      } catch (error) {
        fail(batch, error);
      }
    });
  }

  async function cut(): Promise<void> {
    if (cutting || storing >= options.inFlight || waiting.length === 0) return;
    cutting = true;
    // One turn of the event loop first, so sends that arrived while the last batch was written
    // join this one. An embedded database blocks the loop while it works, so without the turn
    // a batch would hold only what was queued before the last one started.
    await new Promise<void>((resolve) => setImmediate(resolve));
    cutting = false;
    if (storing >= options.inFlight || waiting.length === 0) return;
    start(waiting.splice(0, options.maxBatch));
    void cut();
  }

  return {
    enqueue(item) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        void cut();
      });
    },
  };
}
