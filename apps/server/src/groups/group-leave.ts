import { isReachableId, leaveGroupSchema, parseOrThrow, type SelfUser } from '@parley/shared';
import type { AppContext, ParleySocket } from '../context.js';
import { describeError } from '../http/errors.js';
import { leaveGroup } from '../presence/group-presence.js';
import { groupIdOfPresentRoom, isOnline } from '../presence/presence.js';
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
 * When a user's last socket closes they are present nowhere: what their groups receive from then
 * on is unread. (Connection handling announces it; this keeps the read marks in step.)
 */
export function markAbsentOnLastDisconnect(ctx: AppContext, socket: ParleySocket): void {
  const { user } = socket.data;
  let groupIds: number[] = [];
  socket.on('disconnecting', () => {
    groupIds = [...socket.rooms].map(groupIdOfPresentRoom).filter((id): id is number => id !== null);
  });
  socket.on('disconnect', () => {
    // Read in the same tick as the leave: a socket joining after this is a new presence.
    if (groupIds.length === 0 || isOnline(ctx.io, user.user_id)) return;
    const done = ctx.backgroundWrites.start();
    markAbsent(ctx.db, groupIds, user.user_id)
      .catch((error: unknown) => ctx.logger.error({ err: describeError(error) }, 'marking groups left failed'))
      .finally(done);
  });
}
