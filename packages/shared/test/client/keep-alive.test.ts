import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from '../../src/client/backoff.js';
import { initialKeepAlive, keepAliveStep, type KeepAliveEvent, type KeepAliveMachine } from '../../src/client/keep-alive.js';

const middle = () => 0.5; // no jitter: the delay is exactly the nominal one

function run(events: KeepAliveEvent[], machine: KeepAliveMachine = initialKeepAlive) {
  const effects = [];
  for (const event of events) {
    const step = keepAliveStep(machine, event, defaultBackoff, middle);
    machine = step.machine;
    effects.push(...step.effects);
  }
  return { machine, effects };
}

describe('backoff', () => {
  it('doubles from one second', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, defaultBackoff, middle))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('stops growing at the cap', () => {
    expect(backoffDelay(6, defaultBackoff, middle)).toBe(30_000);
    expect(backoffDelay(50, defaultBackoff, middle)).toBe(30_000);
  });

  it('jitter spreads a delay within ±20 % and never past the cap', () => {
    expect(backoffDelay(3, defaultBackoff, () => 0)).toBe(3200);
    expect(backoffDelay(3, defaultBackoff, () => 0.999999)).toBe(4800);
    expect(backoffDelay(20, defaultBackoff, () => 0.999999)).toBe(30_000);
  });
});

describe('keep-alive state machine', () => {
  it('starts signed out', () => {
    expect(initialKeepAlive.state).toEqual({ status: 'signed_out' });
  });

  it('signing in opens the socket and reports connecting', () => {
    const { machine, effects } = run([{ type: 'start' }]);
    expect(machine.state).toEqual({ status: 'connecting' });
    expect(effects).toEqual([{ type: 'open_socket' }]);
  });

  it('a first connection does not ask for a resync', () => {
    const { machine, effects } = run([{ type: 'start' }, { type: 'connected' }]);
    expect(machine.state).toEqual({ status: 'connected' });
    expect(effects).not.toContainEqual({ type: 'resync' });
  });

  it('a lost connection waits one second before its first retry', () => {
    const { machine, effects } = run([{ type: 'start' }, { type: 'connected' }, { type: 'lost' }]);
    expect(machine.state).toEqual({ status: 'reconnecting', attempt: 1, retryInMs: 1000 });
    expect(effects).toContainEqual({ type: 'schedule_retry', inMs: 1000 });
  });

  it('each failed retry waits longer, up to the cap', () => {
    const events: KeepAliveEvent[] = [{ type: 'start' }, { type: 'connected' }];
    for (let i = 0; i < 8; i++) events.push({ type: 'lost' }, { type: 'retry_due' });
    events.push({ type: 'lost' });
    const { machine, effects } = run(events);
    const waits = effects.flatMap((e) => (e.type === 'schedule_retry' ? [e.inMs] : []));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
    expect(machine.state).toEqual({ status: 'reconnecting', attempt: 9, retryInMs: 30000 });
  });

  it('the retry timer opens the socket again', () => {
    const { effects } = run([{ type: 'retry_due' }], run([{ type: 'start' }, { type: 'lost' }]).machine);
    expect(effects).toEqual([{ type: 'open_socket' }]);
  });

  it('waking up reconnects at once instead of waiting out the backoff', () => {
    const waiting = run([{ type: 'start' }, { type: 'connected' }, { type: 'lost' }, { type: 'retry_due' }, { type: 'lost' }]).machine;
    const { machine, effects } = run([{ type: 'wake' }], waiting);
    expect(effects).toEqual([{ type: 'cancel_retry' }, { type: 'open_socket' }]);
    expect(machine.state).toEqual({ status: 'reconnecting', attempt: 2, retryInMs: 0 });
  });

  it('waking up while connected or already trying does nothing', () => {
    const connected = run([{ type: 'start' }, { type: 'connected' }]).machine;
    expect(run([{ type: 'wake' }], connected).effects).toEqual([]);
    const trying = run([{ type: 'start' }, { type: 'lost' }, { type: 'wake' }]).machine;
    expect(run([{ type: 'wake' }], trying).effects).toEqual([]);
  });

  it('waking from sleep while connected reconnects at once (the socket may be dead)', () => {
    const connected = run([{ type: 'start' }, { type: 'connected' }]).machine;
    const { machine, effects } = run([{ type: 'resume' }], connected);
    expect(effects).toEqual([{ type: 'close_socket' }, { type: 'open_socket' }]);
    expect(machine.state).toEqual({ status: 'reconnecting', attempt: 1, retryInMs: 0 });
    expect(run([{ type: 'connected' }], machine).effects).toContainEqual({ type: 'resync' });
  });

  it('waking from sleep while waiting to retry retries at once', () => {
    const waiting = run([{ type: 'start' }, { type: 'connected' }, { type: 'lost' }]).machine;
    expect(run([{ type: 'resume' }], waiting).effects).toEqual([{ type: 'cancel_retry' }, { type: 'open_socket' }]);
  });

  it('waking from sleep when signed out does nothing', () => {
    expect(run([{ type: 'resume' }]).effects).toEqual([]);
  });

  it('reconnecting after a loss asks for a resync and resets the attempts', () => {
    const { machine, effects } = run([
      { type: 'start' },
      { type: 'connected' },
      { type: 'lost' },
      { type: 'retry_due' },
      { type: 'connected' },
    ]);
    expect(effects.filter((e) => e.type === 'resync')).toHaveLength(1);
    expect(machine.state).toEqual({ status: 'connected' });
    const again = run([{ type: 'lost' }], machine);
    expect(again.machine.state).toEqual({ status: 'reconnecting', attempt: 1, retryInMs: 1000 });
  });

  it('a first connection that needed retries also resyncs (the page may have loaded meanwhile)', () => {
    const { effects } = run([{ type: 'start' }, { type: 'lost' }, { type: 'retry_due' }, { type: 'connected' }]);
    expect(effects).toContainEqual({ type: 'resync' });
  });

  it('logging out stops everything and stays stopped', () => {
    const waiting = run([{ type: 'start' }, { type: 'connected' }, { type: 'lost' }]).machine;
    const stopped = run([{ type: 'stop' }], waiting);
    expect(stopped.machine.state).toEqual({ status: 'signed_out' });
    expect(stopped.effects).toEqual([{ type: 'cancel_retry' }, { type: 'close_socket' }]);
    const later = run([{ type: 'retry_due' }, { type: 'wake' }, { type: 'lost' }, { type: 'connected' }], stopped.machine);
    expect(later.effects).toEqual([]);
    expect(later.machine.state).toEqual({ status: 'signed_out' });
  });

  it('a refused token signs out and reports the session expired', () => {
    const { machine, effects } = run([{ type: 'start' }, { type: 'connected' }, { type: 'lost' }, { type: 'retry_due' }, { type: 'unauthorized' }]);
    expect(machine.state).toEqual({ status: 'signed_out' });
    expect(effects).toContainEqual({ type: 'session_expired' });
  });
});
