import { messageSendSchema, ParleyError, parseOrThrow, type SendAck, type SimpleAck } from '@parley/shared';
import type { BotChat } from '../bot/bot-chat.handlers.js';
import type { AppContext, ParleySocket } from '../context.js';
import { handleLeaveGroup, type GroupSender } from '../groups/groups.handlers.js';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/unavailable.js';
import { describeError } from '../http/errors.js';
import type { RoomSender } from '../rooms/rooms.handlers.js';

export interface Senders {
  bot: BotChat;
  room: RoomSender;
  group: GroupSender;
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

  socket.on('message', async (payload: unknown, ack?: unknown) => {
    const reply = ackOf<SendAck>(ack);
    try {
      await ctx.rateLimits.message(user.user_id);
      const input = parseOrThrow(messageSendSchema, payload);
      const message =
        input.chat_type === 'bot'
          ? await senders.bot.send(user, input)
          : input.chat_type === 'room'
            ? await senders.room(user, input)
            : await senders.group(user, input);
      reply({ ok: true, message });
    } catch (error) {
      reply({ ok: false, error: asParleyError(ctx, error).toDetail() });
    }
  });

  socket.on('leave_group', async (payload: unknown, ack?: unknown) => {
    const reply = ackOf<SimpleAck>(ack);
    try {
      await handleLeaveGroup(ctx, user, payload);
      reply({ ok: true });
    } catch (error) {
      reply({ ok: false, error: asParleyError(ctx, error).toDetail() });
    }
  });
}
