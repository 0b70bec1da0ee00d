import { socketRooms, type UserSummary } from '@parley/shared';
import type { ParleyServer } from '../context.js';
import { isOnline, isPresent } from './presence.js';

/*
 * Entering and leaving decide from the whole cluster's presence and change the rooms of the
 * user's sockets on every node; the announcements follow from those room changes
 * (`presence-tracker.ts`), so two requests of one user cannot both announce the same change.
 */

/**
 * Makes a member present in a group when they have a connected socket. Returns false when they
 * were present already or have no socket.
 */
export function enterGroup(io: ParleyServer, user: UserSummary, groupId: number): boolean {
  if (!isOnline(io, user.user_id) || isPresent(io, user.user_id, groupId)) return false;
  io.in(socketRooms.user(user.user_id)).socketsJoin(socketRooms.groupPresent(groupId));
  return true;
}

/** Takes a user out of a group's present set on every socket, on every node. */
export function leaveGroup(io: ParleyServer, user: UserSummary, groupId: number): boolean {
  if (!isPresent(io, user.user_id, groupId)) return false;
  io.in(socketRooms.user(user.user_id)).socketsLeave(socketRooms.groupPresent(groupId));
  return true;
}
