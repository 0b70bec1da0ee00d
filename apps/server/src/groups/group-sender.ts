import { isReachableId, ParleyError, type GroupChatMessage, type GroupSend, type SelfUser } from '@parley/shared';
import type { AppContext } from '../context.js';
import type { Queued } from '../messages/in-order.js';
import type { MessageWriter } from '../messages/message-writer.js';
import { findGroup, isMember } from './groups.queries.js';
import { attachmentsForSend } from '../files/attachments-for-send.js';

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
    const attachments = await attachmentsForSend(ctx.db, user.user_id, { groupId }, input.attachments, input.client_id);
    const committed = writer.group({
      attachments,
      groupId,
      senderId: user.user_id,
      body: input.message,
      clientId: input.client_id ?? null,
      createdAt: ctx.clock.now(),
    });
    return { committed };
  };
}
