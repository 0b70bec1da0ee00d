import { ParleyError } from '@parley/shared';

export interface HashingQueueOptions {
  /** Hashes running at once. */
  concurrency: number;
  /** Hashes waiting for a turn; one more is refused. */
  maxWaiting: number;
  /** What a refused request is told to wait. */
  retryAfterSeconds: number;
}

/**
 * scrypt runs on libuv's thread pool (4 threads by default), which file access and DNS share, so
 * two at a time leave it room. 64 waiting is 32 turns of two, a few seconds at production cost
 * (one hash takes about 0.1 s of a core): a flood of logins is answered 503 at once instead of
 * queueing without end, and the logins already waiting still finish in time.
 */
export const defaultHashingQueue: HashingQueueOptions = { concurrency: 2, maxWaiting: 64, retryAfterSeconds: 2 };

export interface HashingQueue {
  /** Runs `job` when a slot is free; throws `unavailable` at once when the queue is full. */
  run<T>(job: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
}

export function createHashingQueue(options: HashingQueueOptions = defaultHashingQueue): HashingQueue {
  const { concurrency, maxWaiting, retryAfterSeconds } = options;
  const turns: (() => void)[] = [];
  let running = 0;

  const release = () => {
    const next = turns.shift();
    if (next) next();
    else running -= 1;
  };

  return {
    async run(job) {
      if (running >= concurrency) {
        if (turns.length >= maxWaiting) {
          throw new ParleyError('unavailable', 'The server is busy. Try again shortly.', { retryAfterSeconds });
        }
        // The slot passes straight from the job that ends to this one, so `running` stays put.
        await new Promise<void>((resolve) => turns.push(resolve));
      } else {
        running += 1;
      }
      try {
        return await job();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return turns.length;
    },
  };
}
