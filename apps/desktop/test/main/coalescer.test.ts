import { beforeEach, describe, expect, it } from 'vitest';
import { NotificationCoalescer, type Coalesced } from '../../src/main/notifications/coalescer.js';
import type { NotificationRequest } from '@parley/shared/client';
import { FakeTimers } from '../../../../packages/shared/test/client/fakes/fake-timers.js';

const message = (key: `group:${number}`, body: string): NotificationRequest => ({
  conversation: { kind: 'group', groupId: Number(key.split(':')[1]) },
  key,
  title: 'Team',
  body,
});

let timers: FakeTimers;
let shown: Coalesced[];
let coalescer: NotificationCoalescer;
beforeEach(() => {
  timers = new FakeTimers();
  shown = [];
  coalescer = new NotificationCoalescer((n) => shown.push(n), timers, 4000);
});

describe('burst coalescing', () => {
  it('the first message of a quiet conversation shows at once', () => {
    coalescer.push(message('group:1', 'one'));
    expect(shown).toEqual([{ ...message('group:1', 'one'), count: 1 }]);
  });

  it('a burst shows one notification now and one summary when it ends', () => {
    coalescer.push(message('group:1', 'one'));
    coalescer.push(message('group:1', 'two'));
    coalescer.push(message('group:1', 'three'));
    coalescer.push(message('group:1', 'four'));
    expect(shown).toHaveLength(1);
    timers.advance(4000);
    expect(shown).toHaveLength(2);
    expect(shown[1]).toMatchObject({ title: 'Team', body: '3 new messages', count: 3 });
  });

  it('a single follow-up shows its own text, not a count', () => {
    coalescer.push(message('group:1', 'one'));
    coalescer.push(message('group:1', 'two'));
    timers.advance(4000);
    expect(shown[1]).toMatchObject({ body: 'two', count: 1 });
  });

  it('a long burst gives at most one notification per window', () => {
    for (let second = 0; second < 20; second++) {
      coalescer.push(message('group:1', `m${second}`));
      timers.advance(1000);
    }
    timers.advance(8000);
    expect(shown.length).toBeLessThanOrEqual(6);
    expect(shown.reduce((sum, n) => sum + n.count, 0)).toBe(20);
  });

  it('conversations are coalesced separately', () => {
    coalescer.push(message('group:1', 'one'));
    coalescer.push(message('group:2', 'other'));
    expect(shown.map((n) => n.key)).toEqual(['group:1', 'group:2']);
  });

  it('after a quiet window the next message shows at once again', () => {
    coalescer.push(message('group:1', 'one'));
    timers.advance(4000);
    coalescer.push(message('group:1', 'two'));
    expect(shown.map((n) => n.body)).toEqual(['one', 'two']);
  });

  it('reading a conversation drops what was held for it', () => {
    coalescer.push(message('group:1', 'one'));
    coalescer.push(message('group:1', 'two'));
    coalescer.forget('group:1');
    timers.advance(10_000);
    expect(shown).toHaveLength(1);
  });
});
