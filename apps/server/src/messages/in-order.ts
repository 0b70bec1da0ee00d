/**
 * Runs each step once the one before it has settled, whatever its outcome: a per-socket lane, so
 * a slow step (a room lookup) cannot be overtaken by the next send.
 */
export function createLane(): <T>(step: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>) => {
    const result = tail.then(step);
    tail = result.catch(() => undefined);
    return result;
  };
}

/** A send accepted into the write queue: it settles once its batch is committed. */
export interface Queued<T> {
  committed: Promise<T>;
}
