import { socketRooms, type UserSummary } from '@parley/shared';
import type { ParleyServer } from '../context.js';
import { announcePresent } from './announcements.js';
import { isOnline, isPresent } from './presence.js';

/*
 * Entering and leaving decide from the adapter and change its rooms in the same synchronous
 * step, so two requests of one user cannot both announce the same change.
 */

/**
 * Makes a member present in a group when they have a connected socket. Returns false when they
 * were present already or have no socket, so nothing is announced twice.
 */
export function enterGroup(io: ParleyServer, user: UserSummary, groupId: number): boolean {
  if (!isOnline(io, user.user_id) || isPresent(io, user.user_id, groupId)) return false;
  io.in(socketRooms.user(user.user_id)).socketsJoin(socketRooms.groupPresent(groupId));
  announcePresent(io, user, groupId, true);
  return true;
}

/** Takes a user out of a group's present set on every socket and tells those still present. */
export function leaveGroup(io: ParleyServer, user: UserSummary, groupId: number): boolean {
  if (!isPresent(io, user.user_id, groupId)) return false;
  io.in(socketRooms.user(user.user_id)).socketsLeave(socketRooms.groupPresent(groupId));
  announcePresent(io, user, groupId, false);
  return true;
}

export function announceLeft(io: ParleyServer, user: UserSummary, groupId: number): void {
  announcePresent(io, user, groupId, false);
}
