import { messageSendSchema, ParleyError, parseOrThrow, socketEvents, type ChangeAck, type SelfUser, type SendAck, type SimpleAck } from '@parley/shared';
import type { BotChat } from '../bot/bot-chat.js';
import type { AppContext, ParleySocket } from '../context.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/unavailable.js';
import { handleLeaveGroup, markAbsentOnLastDisconnect } from '../groups/group-leave.js';
import type { GroupSender } from '../groups/group-sender.js';
import { describeError } from '../http/errors.js';
import { createLane, type Queued } from '../messages/in-order.js';
import type { RoomSender } from '../rooms/room-sender.js';
import { handleDelete, handleEdit, handleReact } from '../message-changes/message-changes.js';
import type { TypingRelay } from '../message-changes/typing.js';

/** What an acknowledgement `ok: true` carries. */
type ChatMessageOf = Extract<SendAck, { ok: true }>['message'];

export interface Senders {
  bot: BotChat;
  room: RoomSender;
  group: GroupSender;
  typing: TypingRelay;
}

function asParleyError(ctx: AppContext, error: unknown): ParleyError {
  if (error instanceof ParleyError) return error;
  if (isDatabaseUnavailable(error)) {
    ctx.logger.warn({ err: describeError(error) }, 'socket event refused: the database is unreachable');
    return databaseUnavailable();
  }
  ctx.logger.error({ err: describeError(error) }, 'socket event failed');
  return new ParleyError('internal', 'Something went wrong on the server.');
}

/** An ack callback when the client asked for one; a send without one must not crash. */
function ackOf<T>(ack: unknown): (response: T) => void {
  return typeof ack === 'function' ? (ack as (response: T) => void) : () => undefined;
}

/** Routes `message` by `chat_type` and `leave_group`, answering every outcome through the ack. */
export function registerChatHandlers(ctx: AppContext, socket: ParleySocket, senders: Senders): void {
  const { user } = socket.data;

  // The Order rule: a socket's sends are checked one after another and queued in the order they
  // were emitted (the write queue keeps that order into the table and out to the receivers), and
  // they are acknowledged in that order too, whichever check or batch settles first.
  const checkInOrder = createLane();
  const ackInOrder = createLane();

  socket.on(socketEvents.message, (payload: unknown, ack?: unknown) => {
    const arrived = performance.now();
    const answerOnce = ackOf<SendAck>(ack);
    const reply = (response: SendAck) => {
      ctx.metrics.acked((performance.now() - arrived) / 1000, response.ok);
      answerOnce(response);
    };
    const queued = checkInOrder(async (): Promise<Queued<ChatMessageOf>> => {
      await ctx.rateLimits.message(user.user_id);
      const input = parseOrThrow(messageSendSchema, payload);
      return input.chat_type === 'bot'
        ? senders.bot.send(user, input)
        : input.chat_type === 'room'
          ? senders.room(user, input)
          : senders.group(user, input);
    });
    const answer = queued
      .then(({ committed }) => committed)
      .then(
        (message): SendAck => ({ ok: true, message }),
        (error: unknown): SendAck => ({ ok: false, error: asParleyError(ctx, error).toDetail() }),
      );
    void ackInOrder(() => answer.then(reply));
  });

  markAbsentOnLastDisconnect(ctx, socket);

  // Edits, deletions and reactions are answered in the order they were emitted, like sends.
  const changeInOrder = createLane();
  const onChange = (event: 'edit_message' | 'delete_message' | 'react', handle: (ctx: AppContext, user: SelfUser, payload: unknown) => Promise<ChangeAck>) => {
    socket.on(event, (payload: unknown, ack?: unknown) => {
      const reply = ackOf<ChangeAck>(ack);
      void changeInOrder(() =>
        handle(ctx, user, payload).then(reply, (error: unknown) => reply({ ok: false, error: asParleyError(ctx, error).toDetail() })),
      );
    });
  };
  onChange(socketEvents.editMessage, handleEdit);
  onChange(socketEvents.deleteMessage, handleDelete);
  onChange(socketEvents.react, handleReact);

  socket.on(socketEvents.typing, async (payload: unknown, ack?: unknown) => {
    const reply = ackOf<SimpleAck>(ack);
    try {
      await senders.typing(user, payload);
      reply({ ok: true });
    } catch (error) {
      reply({ ok: false, error: asParleyError(ctx, error).toDetail() });
    }
  });

  socket.on(socketEvents.leaveGroup, async (payload: unknown, ack?: unknown) => {
    const reply = ackOf<SimpleAck>(ack);
    try {
      await handleLeaveGroup(ctx, user, payload);
      reply({ ok: true });
    } catch (error) {
      reply({ ok: false, error: asParleyError(ctx, error).toDetail() });
    }
  });
}
