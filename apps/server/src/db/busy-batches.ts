import DataLoader from 'dataloader';

/**
 * A DataLoader whose next batch waits while `concurrency` batches are still in the database, so
 * requests that arrive during a statement go out together as the next one, in however many ticks
 * they came. Per-tick batching alone rarely batches anything under load: each request, socket
 * or handshake arrives in its own I/O callback. On PGlite (one connection, statements run one
 * after another) a batch of n costs about what one statement costs, not n.
 */
export function busyBatches<K, V>(
  load: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
  options: { concurrency: number; maxBatchSize?: number },
): DataLoader<K, V> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const finished = () => {
    running -= 1;
    const next = waiting.shift();
    if (next) next();
  };
  return new DataLoader<K, V>(
    (keys) => {
      running += 1;
      const batch = load(keys);
      batch.then(finished, finished);
      return batch;
    },
    {
      // Never cached: each load must see the database as it is now.
      cache: false,
      maxBatchSize: options.maxBatchSize ?? 500,
      batchScheduleFn: (dispatch) => {
        if (running < options.concurrency) setImmediate(dispatch);
        else waiting.push(dispatch);
      },
    },
  );
}
