import {
  deleteMessageSchema,
  editMessageSchema,
  isReachableId,
  ParleyError,
  parseOrThrow,
  reactionLimits,
  reactSchema,
  socketEvents,
  socketRooms,
  type ChangeAck,
  type SelfUser,
} from '@parley/shared';
import { removeFilesOfMessages } from '../files/remove-files.js';
import { describeError } from '../http/errors.js';
import type { AppContext } from '../context.js';
import { toMessageState, type MessageRow } from '../messages/message-shapes.js';
import {
  deleteMessage,
  editMessage,
  findMessagePlace,
  toggleReaction,
  touchMessage,
  type MessagePlace,
} from './message-changes.queries.js';

const noSuchMessage = () => new ParleyError('not_found', 'There is no such message.');

/**
 * The message a caller names, when they can see it: the same answer for a message that does not
 * exist, one in another conversation kind, and one of a conversation they are not in.
 */
async function visibleMessage(ctx: AppContext, user: SelfUser, chatType: 'room' | 'group', id: number): Promise<MessagePlace> {
  if (!isReachableId(id)) throw noSuchMessage();
  const place = await findMessagePlace(ctx.db, id, user.user_id);
  if (!place || !place.visible || place.conversation.kind !== chatType || place.deleted) throw noSuchMessage();
  return place;
}

function requireAuthor(place: MessagePlace, user: SelfUser, doing: string): void {
  if (place.senderId !== user.user_id) throw new ParleyError('forbidden', `Only its author can ${doing} a message.`);
}

/**
 * Sends a message's new state to exactly the audience of the message itself (both people of a
 * room, the members of a group), through the adapter like a new message: every node delivers it.
 */
function publishChange(ctx: AppContext, place: MessagePlace, row: MessageRow): Extract<ChangeAck, { ok: true }> {
  const message = toMessageState(row);
  const change_cursor = row.changeSeq ?? 0;
  const { conversation } = place;
  if (conversation.kind === 'room') {
    ctx.io
      .to(conversation.userIds.map(socketRooms.user))
      .emit(socketEvents.messageChanged, { chat_type: 'room', chat_room_id: conversation.roomId, message, change_cursor });
  } else {
    ctx.io
      .to(socketRooms.groupMembers(conversation.groupId))
      .emit(socketEvents.messageChanged, { chat_type: 'group', chat_group_id: conversation.groupId, message, change_cursor });
  }
  return { ok: true, message, change_cursor };
}

/** `edit_message`: counted like a send; only the author, the text rules of a new message. */
export async function handleEdit(ctx: AppContext, user: SelfUser, payload: unknown): Promise<ChangeAck> {
  await ctx.rateLimits.message(user.user_id);
  const input = parseOrThrow(editMessageSchema, payload);
  const place = await visibleMessage(ctx, user, input.chat_type, input.id);
  requireAuthor(place, user, 'edit');
  const row = await editMessage(ctx.db, place.id, user.user_id, input.message, ctx.clock.now());
  if (!row) throw noSuchMessage();
  return publishChange(ctx, place, row);
}

/** `delete_message`: the text goes from storage too; the message keeps its place as deleted. */
export async function handleDelete(ctx: AppContext, user: SelfUser, payload: unknown): Promise<ChangeAck> {
  await ctx.rateLimits.message(user.user_id);
  const input = parseOrThrow(deleteMessageSchema, payload);
  const place = await visibleMessage(ctx, user, input.chat_type, input.id);
  requireAuthor(place, user, 'delete');
  const row = await deleteMessage(ctx.db, place.id, user.user_id, ctx.clock.now());
  if (!row) throw noSuchMessage();
  // Its files go with it; should that fail, the hourly sweep of unshown files takes them.
  await removeFilesOfMessages(ctx, [place.id]).catch((error: unknown) =>
    ctx.logger.error({ err: describeError(error) }, "removing a deleted message's files failed"),
  );
  return publishChange(ctx, place, row);
}

/** `react`: toggles the caller's emoji on any message they can see, within the bounds. */
export async function handleReact(ctx: AppContext, user: SelfUser, payload: unknown): Promise<ChangeAck> {
  await ctx.rateLimits.message(user.user_id);
  const input = parseOrThrow(reactSchema, payload);
  const place = await visibleMessage(ctx, user, input.chat_type, input.id);
  const outcome = await toggleReaction(ctx.db, {
    messageId: place.id,
    userId: user.user_id,
    emoji: input.emoji,
    now: ctx.clock.now(),
    maxDistinct: reactionLimits.distinctEmojiPerMessage,
    maxMine: reactionLimits.emojiPerUserPerMessage,
  });
  if (outcome === 'gone') throw noSuchMessage();
  if (outcome === 'too_many_emoji') {
    throw new ParleyError('conflict', `A message holds at most ${reactionLimits.distinctEmojiPerMessage} different emoji.`);
  }
  if (outcome === 'too_many_of_yours') {
    throw new ParleyError('conflict', `You can put at most ${reactionLimits.emojiPerUserPerMessage} emoji on one message.`);
  }
  const row = await touchMessage(ctx.db, place.id);
  if (!row) throw noSuchMessage();
  return publishChange(ctx, place, row);
}
