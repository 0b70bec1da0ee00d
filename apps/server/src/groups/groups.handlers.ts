import {
  isReachableId,
  leaveGroupSchema,
  ParleyError,
  parseOrThrow,
  socketEvents,
  socketRooms,
  type GroupChatMessage,
  type GroupSend,
  type SelfUser,
} from '@parley/shared';
import type { AppContext } from '../context.js';
import { toChatMessage } from '../messages/message-shapes.js';
import { findByClientId } from '../messages/messages.queries.js';
import { leaveGroup } from '../presence/group-presence.js';
import { presentUserIds } from '../presence/presence.js';
import { findGroup, insertGroupMessage } from './groups.queries.js';

export type GroupSender = (user: SelfUser, input: GroupSend) => Promise<GroupChatMessage>;

export function createGroupSender(ctx: AppContext): GroupSender {
  return async (user, input) => {
    const groupId = input.chat_group_id;
    if (!isReachableId(groupId)) throw new ParleyError('not_found', 'There is no such group.');
    const presentIds = await presentUserIds(ctx.io, groupId);
    const stored = await insertGroupMessage(ctx.db, {
      groupId,
      senderId: user.user_id,
      body: input.message,
      clientId: input.client_id ?? null,
      now: ctx.clock.now(),
      presentIds,
    });
    if (!stored) return refused(ctx, user.user_id, groupId, input.client_id);

    const message: GroupChatMessage = { ...toChatMessage(stored), chat_group_id: groupId };
    ctx.io.to(socketRooms.groupMembers(groupId)).emit(socketEvents.message, { chat_type: 'group', ...message });
    for (const { userId, unread } of stored.bumped) {
      ctx.io.to(socketRooms.user(userId)).emit(socketEvents.notification, { chat_group_id: groupId, unread_count: unread });
    }
    return message;
  };
}

/** Why nothing was stored: a retry gets its first message; otherwise not a member, or no group. */
async function refused(
  ctx: AppContext,
  senderId: number,
  groupId: number,
  clientId: string | undefined,
): Promise<GroupChatMessage> {
  const first = clientId ? await findByClientId(ctx.db, senderId, clientId) : null;
  if (first?.groupId) return { ...toChatMessage(first), chat_group_id: first.groupId };
  if (first) throw new ParleyError('conflict', 'This client_id was already used for another conversation.');
  if (!(await findGroup(ctx.db, groupId))) throw new ParleyError('not_found', 'There is no such group.');
  throw new ParleyError('forbidden', 'Only members can post to this group. Open it first to join.');
}

/** `leave_group {chat_group_id}`: the user is no longer present there (they stay a member). */
export async function handleLeaveGroup(ctx: AppContext, user: SelfUser, payload: unknown): Promise<void> {
  const { chat_group_id: groupId } = parseOrThrow(leaveGroupSchema, payload);
  await ctx.rateLimits.write('groupPresence', user.user_id);
  if (!isReachableId(groupId)) return;
  await leaveGroup(ctx.io, user, groupId);
}
