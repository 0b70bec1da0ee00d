import { describe, expect, it } from 'vitest';
import { watchOnline } from '../../src/main/connection/online-watch.js';
import { FakeTimers } from '../../../../packages/shared/test/client/fakes/fake-timers.js';

describe('network watch', () => {
  it('the network coming back wakes the connection once', () => {
    const timers = new FakeTimers();
    let online = true;
    let wakes = 0;
    watchOnline(() => online, () => wakes++, timers, 3000);
    online = false;
    timers.advance(3000);
    expect(wakes).toBe(0);
    online = true;
    timers.advance(3000);
    timers.advance(9000);
    expect(wakes).toBe(1);
  });

  it('stopping the watch stops polling', () => {
    const timers = new FakeTimers();
    let polls = 0;
    const stop = watchOnline(() => (polls++, true), () => undefined, timers, 1000);
    timers.advance(3000);
    const before = polls;
    stop();
    timers.advance(10_000);
    expect(polls).toBe(before);
  });
});
