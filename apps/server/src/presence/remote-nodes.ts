/*
 * What this node knows of the other nodes' users: who has a socket there, and who is present in
 * which group there. Each node owns its own part and sends changes to it in order; this is the
 * copy the others keep, so every presence read stays synchronous and local.
 */

/** One user's change on the node that reports it. `group_id` absent: online; present: in that group. */
export interface NodeChange {
  user_id: number;
  group_id?: number;
  on: boolean;
  /** A group change names the user, so nodes that announce it need no read. */
  first_name?: string;
  last_name?: string;
}

export interface Named {
  user_id: number;
  first_name: string;
  last_name: string;
}

/** A node's whole part, as it sends it when asked (a new node, or one that missed changes). */
export interface NodeState {
  online: number[];
  present: [groupId: number, userIds: number[]][];
  /** The names of the users present somewhere on the node. */
  names: Named[];
}

interface Known {
  online: Set<number>;
  /** Group id → the users present there on that node. */
  present: Map<number, Set<number>>;
  seq: number;
  seenAt: number;
}

export class RemoteNodes {
  private readonly nodes = new Map<string, Known>();
  private readonly names = new Map<number, Named>();

  /** The name a node last sent for a user, for announcing them present or gone. */
  nameOf(userId: number): Named {
    return this.names.get(userId) ?? { user_id: userId, first_name: '', last_name: '' };
  }

  private remember(named: Named): void {
    // Bounded like any cache: names come back with the next change or state that needs them.
    if (this.names.size >= 100_000) this.names.clear();
    this.names.set(named.user_id, named);
  }

  isOnline(userId: number): boolean {
    for (const node of this.nodes.values()) if (node.online.has(userId)) return true;
    return false;
  }

  isPresent(userId: number, groupId: number): boolean {
    for (const node of this.nodes.values()) if (node.present.get(groupId)?.has(userId)) return true;
    return false;
  }

  addOnline(into: Set<number>): void {
    for (const node of this.nodes.values()) for (const id of node.online) into.add(id);
  }

  addPresent(groupId: number, into: Set<number>): void {
    for (const node of this.nodes.values()) for (const id of node.present.get(groupId) ?? []) into.add(id);
  }

  /** The sequence number last applied from `node`, or null when nothing is known of it. */
  seqOf(node: string): number | null {
    return this.nodes.get(node)?.seq ?? null;
  }

  /** Records that `node` is alive (any message from it counts). */
  seen(node: string, now: number): void {
    const known = this.nodes.get(node);
    if (known) known.seenAt = now;
  }

  /** Replaces what is known of `node` with its whole state. */
  replace(node: string, seq: number, state: NodeState, now: number): void {
    const present = new Map<number, Set<number>>();
    for (const [groupId, userIds] of state.present) if (userIds.length > 0) present.set(groupId, new Set(userIds));
    for (const named of state.names) this.remember(named);
    this.nodes.set(node, { online: new Set(state.online), present, seq, seenAt: now });
  }

  /** Applies one change of a known node; the caller has checked that it comes in sequence. */
  apply(node: string, seq: number, change: NodeChange): void {
    const known = this.nodes.get(node);
    if (!known) return;
    known.seq = seq;
    if (change.group_id === undefined) {
      if (change.on) known.online.add(change.user_id);
      else known.online.delete(change.user_id);
      return;
    }
    if (change.first_name !== undefined && change.last_name !== undefined) {
      this.remember({ user_id: change.user_id, first_name: change.first_name, last_name: change.last_name });
    }
    let users = known.present.get(change.group_id);
    if (change.on) {
      if (!users) known.present.set(change.group_id, (users = new Set()));
      users.add(change.user_id);
    } else if (users) {
      users.delete(change.user_id);
      if (users.size === 0) known.present.delete(change.group_id);
    }
  }

  /** Forgets `node`. */
  drop(node: string): void {
    this.nodes.delete(node);
  }

  /** What is known of `node`, or null. */
  peek(node: string): NodeState | null {
    const known = this.nodes.get(node);
    if (!known) return null;
    const present: NodeState['present'] = [...known.present].map(([groupId, users]) => [groupId, [...users]]);
    return { online: [...known.online], present, names: [] };
  }

  /** The nodes not heard from since `before`. */
  silentSince(before: number): string[] {
    return [...this.nodes].filter(([, known]) => known.seenAt < before).map(([node]) => node);
  }
}
