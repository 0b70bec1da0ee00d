import { socketEvents, socketRooms, type BotMessage, type BotSend, type SelfUser } from '@parley/shared';
import type { AppContext } from '../context.js';
import { describeError } from '../http/errors.js';
import { toBotMessage } from '../messages/message-shapes.js';
import { asUser } from './workspace-lookup.js';
import { findBotMessageByClientId, insertBotMessage, recentTurns } from './bot-messages.queries.js';

/** How many earlier turns the bot sees with each message. */
const historyTurns = 20;

export interface BotChat {
  /** Stores the user's message and returns it for the ack; the reply follows as an event. */
  send(user: SelfUser, input: BotSend): Promise<BotMessage>;
  /** Resolves once every reply in progress is stored and sent (for a clean shutdown). */
  drain(): Promise<void>;
}

export function createBotChat(ctx: AppContext): BotChat {
  const inFlight = new Set<Promise<void>>();

  async function answer(user: SelfUser, question: BotMessage): Promise<void> {
    const history = await recentTurns(ctx.db, user.user_id, question.id, historyTurns);
    let text: string;
    try {
      text = await asUser(user.user_id, () =>
        ctx.bot.reply({
          user: { user_id: user.user_id, first_name: user.first_name, last_name: user.last_name },
          text: question.message,
          history: history.map((turn) => ({ isUser: turn.isUser, text: turn.body, at: turn.createdAt })),
          now: ctx.clock.now(),
        }),
      );
    } catch (error) {
      // A bot promises never to throw; if one does, the user still gets an answer.
      ctx.logger.warn({ err: describeError(error) }, 'bot reply failed');
      text = 'Sorry, I could not answer that just now. Please try again.';
    }
    const reply = await insertBotMessage(ctx.db, {
      userId: user.user_id,
      isUser: false,
      body: text.length > 0 ? text : '…',
      clientId: null,
      now: ctx.clock.now(),
    });
    if (!reply) return;
    ctx.io
      .to(socketRooms.user(user.user_id))
      .emit(socketEvents.message, { chat_type: 'bot', messages: [question, toBotMessage(reply)] });
  }

  return {
    async send(user, input) {
      const clientId = input.client_id ?? null;
      const stored = await insertBotMessage(ctx.db, {
        userId: user.user_id,
        isUser: true,
        body: input.message,
        clientId,
        now: ctx.clock.now(),
      });
      if (!stored) {
        // A retry: the first message, and its reply was (or is being) sent already.
        const first = clientId ? await findBotMessageByClientId(ctx.db, user.user_id, clientId) : null;
        if (!first) throw new Error('bot message vanished between insert and lookup');
        return toBotMessage(first);
      }
      const question = toBotMessage(stored);
      const job = answer(user, question)
        .catch((error: unknown) => ctx.logger.error({ err: describeError(error) }, 'bot turn failed'))
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
      return question;
    },
    async drain() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
