import { isReachableId, leaveGroupSchema, parseOrThrow, type SelfUser } from '@parley/shared';
import type { AppContext, ParleySocket } from '../context.js';
import { describeError } from '../http/errors.js';
import { leaveGroup } from '../presence/group-presence.js';
import { groupIdOfPresentRoom, isPresent } from '../presence/presence.js';
import { markAbsent } from './group-read-marks.queries.js';

/** `leave_group {chat_group_id}`: the user is no longer present there (they stay a member). */
export async function handleLeaveGroup(ctx: AppContext, user: SelfUser, payload: unknown): Promise<void> {
  const { chat_group_id: groupId } = parseOrThrow(leaveGroupSchema, payload);
  await ctx.rateLimits.write('groupPresence', user.user_id);
  if (!isReachableId(groupId)) return;
  leaveGroup(ctx.io, user, groupId);
  await markAbsent(ctx.db, [groupId], user.user_id);
}

/**
 * When a user's last socket present in a group closes, on every node, they are present there no
 * longer: what the group receives from then on is unread. (The presence tracker announces it;
 * this keeps the read marks in step.)
 */
export function markAbsentOnLastDisconnect(ctx: AppContext, socket: ParleySocket): void {
  const { user } = socket.data;
  let groupIds: number[] = [];
  socket.on('disconnecting', () => {
    groupIds = [...socket.rooms].map(groupIdOfPresentRoom).filter((id): id is number => id !== null);
  });
  socket.on('disconnect', () => {
    // Read in the same tick as the leave: a socket joining after this is a new presence.
    const absent = groupIds.filter((groupId) => !isPresent(ctx.io, user.user_id, groupId));
    if (absent.length === 0) return;
    const done = ctx.backgroundWrites.start();
    markAbsent(ctx.db, absent, user.user_id)
      .catch((error: unknown) => ctx.logger.error({ err: describeError(error) }, 'marking groups left failed'))
      .finally(done);
  });
}

/**
 * Another node fell silent or stopped: its users who are now present nowhere in those groups
 * have unread messages from here on. Every node that noticed records it; the update is the same.
 */
export function recordAbsences(ctx: AppContext, absent: { user_id: number; group_id: number }[]): void {
  const byUser = new Map<number, number[]>();
  for (const { user_id, group_id } of absent) byUser.set(user_id, [...(byUser.get(user_id) ?? []), group_id]);
  for (const [userId, groupIds] of byUser) {
    const done = ctx.backgroundWrites.start();
    markAbsent(ctx.db, groupIds, userId)
      .catch((error: unknown) => ctx.logger.error({ err: describeError(error) }, "recording a node's departures failed"))
      .finally(done);
  }
}
