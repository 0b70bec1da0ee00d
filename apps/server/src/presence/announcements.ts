import {
  socketEvents,
  socketRooms,
  type GroupPresenceChange,
  type PresenceChange,
  type UserSummary,
} from '@parley/shared';
import type { ParleyServer } from '../context.js';
import { Coalescer } from './coalescer.js';
import { publicSummary } from '../users/user-shapes.js';

/*
 * Presence changes go out through one coalescer per audience: everyone for `presence`, those
 * present in the group for `group_presence`. A lone change keeps the single shape every client
 * has always read; several within a window go out as one `changes` list.
 *
 * Each node tells its own sockets only (`io.local`): every node sees every change of the whole
 * cluster (`presence-tracker.ts`), so none has to decide for the others, and two nodes seeing a
 * user's first sockets at once cannot both announce to the same client.
 */

interface Announcer {
  online: Coalescer<PresenceChange>;
  groups: Map<number, Coalescer<GroupPresenceChange>>;
}

const announcers = new WeakMap<ParleyServer, Announcer>();

function announcerOf(io: ParleyServer): Announcer {
  let announcer = announcers.get(io);
  if (!announcer) {
    const created: Announcer = {
      online: new Coalescer<PresenceChange>((changes) => {
        io.local.emit(socketEvents.presence, changes.length === 1 ? changes[0]! : { changes });
      }),
      groups: new Map(),
    };
    announcers.set(io, created);
    announcer = created;
  }
  return announcer;
}

export function announceOnline(io: ParleyServer, userId: number, online: boolean): void {
  announcerOf(io).online.change(userId, online, { user_id: userId, online });
}

function groupCoalescer(io: ParleyServer, groupId: number): Coalescer<GroupPresenceChange> {
  const { groups } = announcerOf(io);
  // Forget groups whose windows have closed, now and then rather than on every change.
  if (groups.size > 64) for (const [id, coalescer] of groups) if (coalescer.idle) groups.delete(id);
  let coalescer = groups.get(groupId);
  if (!coalescer) {
    // Sent to whoever is present when the window closes: the latest state is what they need.
    coalescer = new Coalescer<GroupPresenceChange>((changes) => {
      const room = io.local.to(socketRooms.groupPresent(groupId));
      room.emit(socketEvents.groupPresence, changes.length === 1 ? { ...changes[0]!, chat_group_id: groupId } : { chat_group_id: groupId, changes });
    });
    groups.set(groupId, coalescer);
  }
  return coalescer;
}

export function announcePresent(io: ParleyServer, user: UserSummary, groupId: number, present: boolean): void {
  const change = { ...publicSummary(user), present };
  groupCoalescer(io, groupId).change(user.user_id, present, change);
}
