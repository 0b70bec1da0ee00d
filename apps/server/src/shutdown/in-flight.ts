/** Counts work in progress so a shutdown can wait, bounded, for it to finish. */
export interface InFlight {
  /** Marks one piece of work as started; the returned function ends it (calling it twice is harmless). */
  start(): () => void;
  readonly count: number;
  /** Resolves true once nothing is in flight, or false when `boundMs` passes first. */
  settled(boundMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let count = 0;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  return {
    start() {
      count += 1;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        count -= 1;
        if (count === 0) wake();
      };
    },
    get count() {
      return count;
    },
    settled(boundMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (result: boolean) => {
          clearTimeout(timer);
          waiters.delete(onIdle);
          resolve(result);
        };
        const onIdle = () => done(true);
        const timer = setTimeout(() => done(false), boundMs);
        waiters.add(onIdle);
      });
    },
  };
}
