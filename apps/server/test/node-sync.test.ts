import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParleyServer } from '../src/context.js';
import { heartbeatMs, nodeSyncEvent, silentNodeMs, startNodeSync, type NodeMessage, type NodeSync } from '../src/presence/node-sync.js';
import { isOnline, isPresent, presentUserIds } from '../src/presence/presence.js';

/*
 * The exchange between nodes, against a stand-in for Socket.IO's server that records what this
 * node sends to the others and announces to its own sockets: the numbering, the gaps that ask
 * for a whole state, and the node that falls silent.
 */

interface Harness {
  io: ParleyServer;
  sent: NodeMessage[];
  announced: { event: string; payload: unknown }[];
  deliver(message: unknown): void;
}

function harness(): Harness {
  const sent: NodeMessage[] = [];
  const announced: { event: string; payload: unknown }[] = [];
  let handler: ((message: unknown) => void) | undefined;
  const emit = (event: string, payload: unknown) => announced.push({ event, payload });
  const fake = {
    serverSideEmit: (_event: string, message: NodeMessage) => sent.push(message),
    on: (event: string, listener: (message: unknown) => void) => {
      if (event === nodeSyncEvent) handler = listener;
    },
    of: () => ({ adapter: { rooms: new Map<string, Set<string>>() }, sockets: new Map() }),
    local: { emit, to: () => ({ emit }) },
  };
  return { io: fake as unknown as ParleyServer, sent, announced, deliver: (message) => handler?.(message) };
}

const silent = pino({ level: 'silent' });
const presenceOf = (h: Harness) => h.announced.filter((a) => a.event === 'presence').map((a) => a.payload);

describe('presence between nodes', () => {
  let h: Harness;
  let sync: NodeSync;
  let gone: { user_id: number; group_id: number }[][];

  beforeEach(() => {
    vi.useFakeTimers();
    h = harness();
    gone = [];
    sync = startNodeSync(h.io, { logger: silent, nodeGone: (absent) => gone.push(absent) });
  });
  afterEach(() => {
    sync.stop();
    vi.useRealTimers();
  });

  it('says hello at start and answers another node’s hello with its whole state', () => {
    expect(h.sent).toEqual([{ type: 'hello', node: expect.any(String) }]);
    h.deliver({ type: 'hello', node: 'other' });
    expect(h.sent.at(-1)).toMatchObject({ type: 'state', seq: 0, state: { online: [], present: [] } });
  });

  it('applies changes in sequence, announces them to its own sockets, and ignores repeats', () => {
    h.deliver({ type: 'hello', node: 'b' });
    h.deliver({ type: 'changes', node: 'b', seq: 1, changes: [{ user_id: 5, on: true }, { user_id: 5, group_id: 9, on: true, first_name: 'Ada', last_name: 'L' }] });
    expect(isOnline(h.io, 5)).toBe(true);
    expect(presentUserIds(h.io, 9)).toEqual([5]);
    expect(presenceOf(h)).toEqual([{ user_id: 5, online: true }]);
    expect(h.announced.find((a) => a.event === 'group_presence')?.payload).toMatchObject({ user_id: 5, first_name: 'Ada', present: true });
    // The same message again (a stream read twice) changes nothing.
    h.deliver({ type: 'changes', node: 'b', seq: 1, changes: [{ user_id: 5, on: false }] });
    expect(isOnline(h.io, 5)).toBe(true);
  });

  it('a gap in the numbers asks that node for its whole state, and the state replaces what was known', () => {
    h.deliver({ type: 'hello', node: 'b' });
    h.deliver({ type: 'changes', node: 'b', seq: 1, changes: [{ user_id: 5, on: true }] });
    h.deliver({ type: 'changes', node: 'b', seq: 3, changes: [{ user_id: 6, on: true }] });
    expect(isOnline(h.io, 6)).toBe(false);
    expect(h.sent.at(-1)).toMatchObject({ type: 'resync', target: 'b' });
    h.deliver({ type: 'state', node: 'b', seq: 3, state: { online: [6], present: [[2, [6]]], names: [{ user_id: 6, first_name: 'Bob', last_name: 'B' }] } });
    expect(isOnline(h.io, 5)).toBe(false);
    expect(isOnline(h.io, 6)).toBe(true);
    expect(isPresent(h.io, 6, 2)).toBe(true);
    expect(presenceOf(h)).toEqual([{ user_id: 5, online: true }]);
  });

  it('a node first heard of mid-stream, or whose heartbeat is ahead, is asked for its state', () => {
    h.deliver({ type: 'changes', node: 'c', seq: 4, changes: [{ user_id: 7, on: true }] });
    expect(isOnline(h.io, 7)).toBe(false);
    expect(h.sent.at(-1)).toMatchObject({ type: 'resync', target: 'c' });
    h.deliver({ type: 'state', node: 'c', seq: 4, state: { online: [7], present: [], names: [] } });
    vi.advanceTimersByTime(3_000);
    h.deliver({ type: 'beat', node: 'c', seq: 6 });
    expect(h.sent.at(-1)).toMatchObject({ type: 'resync', target: 'c' });
  });

  it('a node that falls silent is forgotten: its users are announced offline and recorded absent', () => {
    h.deliver({ type: 'hello', node: 'b' });
    h.deliver({ type: 'changes', node: 'b', seq: 1, changes: [{ user_id: 5, on: true }, { user_id: 5, group_id: 9, on: true, first_name: 'Ada', last_name: 'L' }] });
    vi.advanceTimersByTime(silentNodeMs + heartbeatMs);
    expect(isOnline(h.io, 5)).toBe(false);
    expect(presenceOf(h).at(-1)).toEqual({ user_id: 5, online: false });
    expect(gone).toEqual([[{ user_id: 5, group_id: 9 }]]);
  });

  it('a node that says goodbye is forgotten at once', () => {
    h.deliver({ type: 'hello', node: 'b' });
    h.deliver({ type: 'changes', node: 'b', seq: 1, changes: [{ user_id: 5, on: true }] });
    h.deliver({ type: 'bye', node: 'b' });
    expect(isOnline(h.io, 5)).toBe(false);
  });

  it('ignores a malformed message', () => {
    h.deliver({ type: 'changes', node: 'b', seq: -1, changes: 'all' });
    h.deliver(null);
    expect(h.sent).toHaveLength(1);
  });

  it('sends this node’s changes of one tick as one numbered message', () => {
    sync.publish({ user_id: 1, on: true });
    sync.publish({ user_id: 2, on: true });
    vi.advanceTimersByTime(1);
    expect(h.sent.filter((m) => m.type === 'changes')).toEqual([{ type: 'changes', node: expect.any(String), seq: 1, changes: [{ user_id: 1, on: true }, { user_id: 2, on: true }] }]);
  });
});
