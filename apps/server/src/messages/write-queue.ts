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

interface Waiting<I, R> {
  item: I;
  resolve(value: R): void;
  reject(error: Error): void;
}

/**
 * A FIFO group commit. One batch is written at a time; while it is in flight the next one
 * collects, so concurrent sends share a transaction and a lone send goes at once, with no timer.
 * Batches run in the order their items arrived and each settles its items in that order, which
 * is what keeps ids, acknowledgements and deliveries in emission order.
 */
export function createWriteQueue<I, R>(
  write: (items: I[]) => Promise<Outcome<R>[]>,
  options: WriteQueueOptions,
): WriteQueue<I, R> {
  const waiting: Waiting<I, R>[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    try {
      await writeAll();
    } finally {
      writing = false;
    }
  }

  async function writeAll(): Promise<void> {
    while (waiting.length > 0) {
      // One turn of the event loop first, so sends that arrived while the last batch was written
      // join this one. An embedded database blocks the loop while it works, so without the turn
      // a batch would hold only what was queued before the last one started.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = waiting.splice(0, options.maxBatch);
      let outcomes: Outcome<R>[];
      try {
        outcomes = await write(batch.map((entry) => entry.item));
      } catch (error) {
        const failure = options.batchFailed(error, batch.length);
        for (const entry of batch) entry.reject(failure);
        continue;
      }
      batch.forEach((entry, i) => {
        const outcome = outcomes[i];
        if (!outcome) entry.reject(options.batchFailed(new Error('the batch answered fewer items than it was given'), batch.length));
        else if (outcome.ok) entry.resolve(outcome.value);
        else entry.reject(outcome.error);
      });
    }
  }

  return {
    enqueue(item) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
