import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../src/presence/coalescer.js';

describe('presence coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function recorder() {
    const flushes: number[][] = [];
    const coalescer = new Coalescer<number>((items) => flushes.push(items), 200);
    return { flushes, coalescer };
  }

  it('sends a lone change at once and the changes that follow together when the window ends', () => {
    const { flushes, coalescer } = recorder();
    coalescer.change(1, true, 1);
    expect(flushes).toEqual([[1]]);
    coalescer.change(2, true, 2);
    coalescer.change(3, true, 3);
    vi.advanceTimersByTime(199);
    expect(flushes).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(flushes).toEqual([[1], [2, 3]]);
  });

  it('keeps each key’s last state only, and leaves out a change undone inside the window', () => {
    const { flushes, coalescer } = recorder();
    coalescer.change(9, true, 9);
    coalescer.change(1, false, -1);
    coalescer.change(1, true, 1);
    coalescer.change(2, true, 2);
    coalescer.change(2, false, -2);
    coalescer.change(3, true, 3);
    coalescer.change(3, false, -3);
    coalescer.change(3, true, 33);
    vi.advanceTimersByTime(200);
    expect(flushes).toEqual([[9], [33]]);
  });

  it('sends at most once per window and becomes idle after a quiet one', () => {
    const { flushes, coalescer } = recorder();
    for (let i = 0; i < 10; i += 1) {
      coalescer.change(i, true, i);
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(400);
    expect(flushes).toEqual([[0], [1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(coalescer.idle).toBe(true);
  });
});
