import {
  groupPresenceChanges,
  presenceChanges,
  type GroupPresenceChange,
  type GroupPresenceEvent,
  type PresenceChange,
  type PresenceEvent,
} from '@parley/shared';
import { nextEvent, type ClientSocket } from './sockets.js';

/*
 * Presence may arrive one change at a time or coalesced into `changes`; tests read both as one
 * flat list of changes, each group change carrying its group.
 */

export type GroupChange = GroupPresenceChange & { chat_group_id: number };

function groupChangesOf(event: GroupPresenceEvent): GroupChange[] {
  return groupPresenceChanges(event).map((change) => ({ ...change, chat_group_id: event.chat_group_id }));
}

/** Every presence change from now on, flattened; the array fills as events arrive. */
export function collectPresence(socket: ClientSocket): PresenceChange[] {
  const seen: PresenceChange[] = [];
  socket.on('presence', (event: PresenceEvent) => seen.push(...presenceChanges(event)));
  return seen;
}

export function collectGroupPresence(socket: ClientSocket): GroupChange[] {
  const seen: GroupChange[] = [];
  socket.on('group_presence', (event: GroupPresenceEvent) => seen.push(...groupChangesOf(event)));
  return seen;
}

/** The next presence change that satisfies `match`, whichever shape carried it. */
export async function nextPresence(socket: ClientSocket, match: (change: PresenceChange) => boolean, timeoutMs?: number): Promise<PresenceChange> {
  const event = await nextEvent(socket, 'presence', (e) => presenceChanges(e).some(match), timeoutMs);
  return presenceChanges(event).find(match)!;
}

export async function nextGroupPresence(socket: ClientSocket, match: (change: GroupChange) => boolean, timeoutMs?: number): Promise<GroupChange> {
  const event = await nextEvent(socket, 'group_presence', (e) => groupChangesOf(e).some(match), timeoutMs);
  return groupChangesOf(event).find(match)!;
}
