import {
  isReachableId,
  leaveGroupSchema,
  ParleyError,
  parseOrThrow,
  type GroupChatMessage,
  type GroupSend,
  type SelfUser,
} from '@parley/shared';
import type { AppContext, ParleySocket } from '../context.js';
import { describeError } from '../http/errors.js';
import type { Queued } from '../messages/in-order.js';
import type { MessageWriter } from '../messages/message-writer.js';
import { leaveGroup } from '../presence/group-presence.js';
import { groupIdOfPresentRoom, isOnline } from '../presence/presence.js';
import { markAbsent } from './group-read-marks.queries.js';
import { findGroup, isMember } from './groups.queries.js';

/** Checks a group send and queues it; the queued message settles once committed and delivered. */
export type GroupSender = (user: SelfUser, input: GroupSend) => Promise<Queued<GroupChatMessage>>;

/** Nobody leaves a group (they stop being present, not members), so a membership found stays true. */
const memberCacheLimit = 50_000;

export function createGroupSender(ctx: AppContext, writer: MessageWriter): GroupSender {
  const members = new Set<string>();

  async function checkMember(groupId: number, userId: number): Promise<void> {
    const key = `${groupId}:${userId}`;
    if (members.has(key)) return;
    if (await isMember(ctx.db, groupId, userId)) {
      if (members.size >= memberCacheLimit) members.clear();
      members.add(key);
      return;
    }
    if (!(await findGroup(ctx.db, groupId))) throw new ParleyError('not_found', 'There is no such group.');
    throw new ParleyError('forbidden', 'Only members can post to this group. Open it first to join.');
  }

  return async (user, input) => {
    const groupId = input.chat_group_id;
    if (!isReachableId(groupId)) throw new ParleyError('not_found', 'There is no such group.');
    await checkMember(groupId, user.user_id);
    const committed = writer.group({
      groupId,
      senderId: user.user_id,
      body: input.message,
      clientId: input.client_id ?? null,
      createdAt: ctx.clock.now(),
    });
    return { committed };
  };
}

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
