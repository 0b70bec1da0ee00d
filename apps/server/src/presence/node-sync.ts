import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ParleyServer } from '../context.js';
import type { Logger } from '../logger.js';
import { presenceHere, remoteNodesOf } from './presence.js';
import { updateRemote, type PresenceKey } from './presence-tracker.js';
import type { NodeChange, NodeState } from './remote-nodes.js';

/*
 * Each node sends its own presence changes to the others over the Socket.IO adapter
 * (`serverSideEmit`, which rides the same Redis stream as every broadcast), numbered, so a
 * receiver that missed some (it started late, Redis dropped it for a while) notices the gap and
 * asks for the sender's whole state. A heartbeat carries the last number, so a gap shows even
 * when nothing changes, and a node not heard from for a while is taken for dead: its users are
 * announced gone by every node that still runs.
 */

export const nodeSyncEvent = 'parley:presence';

/** Often enough that a dead node's users go offline well within the protocol's 60 s. */
export const heartbeatMs = 5_000;
export const silentNodeMs = 20_000;
/** A node asked for its state is not asked again sooner than this. */
const resyncBackoffMs = 2_000;

const id = z.number().int().positive();
const name = z.string().max(256);
const change = z.object({ user_id: id, group_id: id.optional(), on: z.boolean(), first_name: name.optional(), last_name: name.optional() });
const state = z.object({
  online: z.array(id),
  present: z.array(z.tuple([id, z.array(id)])),
  names: z.array(z.object({ user_id: id, first_name: name, last_name: name })),
});
const node = z.string().min(1).max(64);
const seq = z.number().int().nonnegative();

const nodeMessageSchema = z.discriminatedUnion('type', [
  // `seq` is the number of the first change; the others follow it.
  z.object({ type: z.literal('changes'), node, seq, changes: z.array(change).min(1) }),
  z.object({ type: z.literal('state'), node, seq, state }),
  z.object({ type: z.literal('hello'), node }),
  z.object({ type: z.literal('resync'), node, target: node }),
  z.object({ type: z.literal('beat'), node, seq }),
  z.object({ type: z.literal('bye'), node }),
]);

export type NodeMessage = z.infer<typeof nodeMessageSchema>;

export interface NodeSync {
  /** This node's change, sent to the others (changes of one tick travel as one message). */
  publish(change: NodeChange): void;
  /** Tells the others this node is leaving, so they need not wait for it to fall silent. */
  stop(): void;
}

export interface NodeSyncOptions {
  logger: Logger;
  /** A node fell silent or left; these users, announced gone, are now present in those groups nowhere. */
  nodeGone(absent: Required<PresenceKey>[]): void;
  now?: () => number;
}

function keysOf(state: NodeState): PresenceKey[] {
  const keys: PresenceKey[] = state.online.map((user_id) => ({ user_id }));
  for (const [group_id, users] of state.present) for (const user_id of users) keys.push({ user_id, group_id });
  return keys;
}

export function startNodeSync(io: ParleyServer, options: NodeSyncOptions): NodeSync {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const self = randomUUID();
  const remote = remoteNodesOf(io);
  let lastSeq = 0;
  let pending: NodeChange[] = [];
  let flushing = false;
  let stopped = false;
  const askedAt = new Map<string, number>();

  const emit = (message: NodeMessage) => io.serverSideEmit(nodeSyncEvent, message);

  function flush(): void {
    flushing = false;
    if (pending.length === 0) return;
    const changes = pending;
    pending = [];
    emit({ type: 'changes', node: self, seq: lastSeq - changes.length + 1, changes });
  }

  function sendState(): void {
    // Whatever is still pending is already in the rooms the state is read from.
    flush();
    emit({ type: 'state', node: self, seq: lastSeq, state: presenceHere(io) });
  }

  function askForState(target: string): void {
    const last = askedAt.get(target);
    if (last !== undefined && now() - last < resyncBackoffMs) return;
    askedAt.set(target, now());
    emit({ type: 'resync', node: self, target });
  }

  function replace(from: string, at: number, whole: NodeState): void {
    const old = remote.peek(from);
    const keys = [...(old ? keysOf(old) : []), ...keysOf(whole)];
    updateRemote(io, keys, () => remote.replace(from, at, whole, now()));
    askedAt.delete(from);
  }

  function forget(from: string, why: string): void {
    const held = remote.peek(from);
    if (!held) return;
    const turned = updateRemote(io, keysOf(held), () => remote.drop(from));
    askedAt.delete(from);
    logger.info({ node: from, why, users: held.online.length }, 'a server node left the cluster');
    options.nodeGone(turned.filter((key): key is Required<PresenceKey> => key.group_id !== undefined));
  }

  function receive(message: NodeMessage): void {
    if (message.node === self) return;
    remote.seen(message.node, now());
    switch (message.type) {
      case 'hello':
        // It starts with nothing; its first change will be number 1.
        if (remote.seqOf(message.node) === null) remote.replace(message.node, 0, { online: [], present: [], names: [] }, now());
        sendState();
        return;
      case 'resync':
        if (message.target === self) sendState();
        return;
      case 'bye':
        forget(message.node, 'stopped');
        return;
      case 'state': {
        const known = remote.seqOf(message.node);
        if (known === null || message.seq >= known) replace(message.node, message.seq, message.state);
        return;
      }
      case 'beat': {
        const known = remote.seqOf(message.node);
        if (known === null || message.seq > known) askForState(message.node);
        return;
      }
      case 'changes': {
        const known = remote.seqOf(message.node);
        if (known === null || message.seq > known + 1) {
          askForState(message.node);
          return;
        }
        message.changes.forEach((item, i) => {
          const at = message.seq + i;
          if (at <= known) return;
          updateRemote(io, [{ user_id: item.user_id, group_id: item.group_id }], () => remote.apply(message.node, at, item));
        });
      }
    }
  }

  io.on(nodeSyncEvent, (raw: unknown) => {
    const parsed = nodeMessageSchema.safeParse(raw);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.length }, 'ignored a malformed presence message from another node');
      return;
    }
    receive(parsed.data);
  });

  const beat = setInterval(() => {
    flush();
    emit({ type: 'beat', node: self, seq: lastSeq });
    for (const silent of remote.silentSince(now() - silentNodeMs)) forget(silent, 'silent');
  }, heartbeatMs);
  beat.unref();

  emit({ type: 'hello', node: self });

  return {
    publish(item) {
      if (stopped) return;
      lastSeq += 1;
      pending.push(item);
      if (!flushing) {
        flushing = true;
        setImmediate(flush);
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(beat);
      flush();
      emit({ type: 'bye', node: self });
    },
  };
}
