import { describe, expect, it } from 'vitest';
import { createStagedWriteQueue, type Outcome } from '../src/messages/write-queue.js';

/** A store whose batches the test answers by hand, in any order it likes. */
function manualStore() {
  const pending: { items: number[]; resolve(value: number[]): void; reject(error: Error): void }[] = [];
  return {
    pending,
    store: (items: number[]) => new Promise<number[]>((resolve, reject) => pending.push({ items, resolve, reject })),
  };
}

const ok = (items: number[], stored: number[]): Outcome<number>[] => items.map((_, i) => ({ ok: true, value: stored[i]! }));
const options = { maxBatch: 3, inFlight: 2, batchFailed: (error: unknown) => new Error(`batch failed: ${String(error)}`) };
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the staged write queue', () => {
  it('has at most inFlight batches in the store, and settles them in the order they were cut', async () => {
    const { pending, store } = manualStore();
    const finished: number[][] = [];
    const queue = createStagedWriteQueue({ store, finish: (items: number[], stored: number[]) => (finished.push(items), ok(items, stored)) }, options);
    const settled: number[] = [];
    const sends = [1, 2, 3, 4, 5, 6, 7].map((n) => queue.enqueue(n).then((value) => settled.push(value)));
    await turn();
    await turn();
    // 3 + 3 cut and sent; the seventh waits for a slot.
    expect(pending.map((batch) => batch.items)).toEqual([[1, 2, 3], [4, 5, 6]]);
    // The second batch answers first: nothing of it settles before the first.
    pending[1]!.resolve([40, 50, 60]);
    await turn();
    expect(settled).toEqual([]);
    await turn();
    expect(pending.map((batch) => batch.items)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    pending[0]!.resolve([10, 20, 30]);
    pending[2]!.resolve([70]);
    await Promise.all(sends);
    expect(settled).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(finished).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('a failed batch rejects its own items only, and the batches after it go on', async () => {
    const { pending, store } = manualStore();
    const queue = createStagedWriteQueue({ store, finish: ok }, options);
    const results = [1, 2, 3, 4].map((n) => queue.enqueue(n).then((v) => `ok ${v}`, (e: Error) => e.message));
    await turn();
    await turn();
    pending[0]!.reject(new Error('connection lost'));
    pending[1]!.resolve([4]);
    expect(await Promise.all(results)).toEqual([
      'batch failed: Error: connection lost',
      'batch failed: Error: connection lost',
      'batch failed: Error: connection lost',
      'ok 4',
    ]);
  });

  it('a lone item goes at once, without waiting for a timer or other items', async () => {
    const queue = createStagedWriteQueue({ store: async (items: number[]) => items, finish: ok }, options);
    expect(await queue.enqueue(9)).toBe(9);
  });
});
