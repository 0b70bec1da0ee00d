import { ParleyError, socketEvents, socketRooms, type BotMessage, type BotSend, type SelfUser } from '@parley/shared';
import type { AppContext } from '../context.js';
import { describeError } from '../http/errors.js';
import { findBotTurnsByClientIds, insertBotBatch, type BotInsert } from '../messages/bot-batch.queries.js';
import { firstUses } from '../messages/first-uses.js';
import type { Queued } from '../messages/in-order.js';
import { toBotMessage, type BotMessageRow } from '../messages/message-shapes.js';
import { createWriteQueue, type Outcome } from '../messages/write-queue.js';
import { asUser } from './workspace-lookup.js';
import { recentTurns } from './bot-messages.queries.js';
import { publicSummary } from '../users/user-shapes.js';

/** How many earlier turns the bot sees with each message. */
const historyTurns = 20;

export interface BotChat {
  /** Queues the user's message; it settles, for the ack, once stored. The reply follows as an event. */
  send(user: SelfUser, input: BotSend): Promise<Queued<BotMessage>>;
  /** Resolves once every reply in progress is stored and sent (for a clean shutdown). */
  drain(): Promise<void>;
}

/** A turn stored now, or the one a retried `client_id` stored before (answered already). */
type StoredTurn = { message: BotMessage; fresh: boolean };

async function writeTurns(ctx: AppContext, turns: BotInsert[]): Promise<Outcome<StoredTurn>[]> {
  const { unique, slots } = firstUses(turns, (turn) => (turn.clientId === null ? null : `${turn.userId}:${turn.clientId}`));
  const ids = await insertBotBatch(ctx.db, unique);
  ctx.metrics.stored('bot', ids.filter((id) => id !== null && id !== undefined).length);
  const earlier = new Map<string, BotMessageRow>();
  try {
    // Only a retry is skipped; its first turn is committed, so a read after the batch sees it.
    const skipped = unique.filter((turn, i) => ids[i] === null && turn.clientId !== null);
    for (const userId of new Set(skipped.map((turn) => turn.userId))) {
      const clientIds = skipped.filter((turn) => turn.userId === userId).map((turn) => turn.clientId!);
      for (const row of await findBotTurnsByClientIds(ctx.db, userId, clientIds)) earlier.set(`${userId}:${row.clientId}`, row);
    }
  } catch (error) {
    // The batch is committed whatever happens here: only the retries go unanswered (and retry).
    ctx.logger.error({ err: describeError(error) }, 'looking up retried bot messages failed');
  }
  const outcomes = unique.map((turn, i): Outcome<StoredTurn> => {
    const id = ids[i];
    if (id !== null && id !== undefined) return { ok: true, value: { message: toBotMessage({ id, ...turn }), fresh: true } };
    const first = earlier.get(`${turn.userId}:${turn.clientId}`);
    if (!first) return { ok: false, error: new ParleyError('unavailable', 'The message could not be stored. Please send it again.') };
    return { ok: true, value: { message: toBotMessage(first), fresh: false } };
  });
  return turns.map((turn, i) => {
    const outcome = outcomes[slots[i]!]!;
    return outcome.ok && unique[slots[i]!] !== turn ? { ok: true, value: { ...outcome.value, fresh: false } } : outcome;
  });
}

export function createBotChat(ctx: AppContext): BotChat {
  const inFlight = new Set<Promise<void>>();
  // Each user's replies are written one after another, so they arrive in the order asked.
  const answering = new Map<number, Promise<void>>();
  const queue = createWriteQueue((turns: BotInsert[]) => writeTurns(ctx, turns), {
    maxBatch: 500,
    batchFailed(error, size) {
      ctx.logger.error({ err: describeError(error), size }, 'a batch of bot messages could not be stored');
      return new ParleyError('unavailable', 'The message could not be stored; nothing was saved. Please send it again.');
    },
  });

  async function answer(user: SelfUser, question: BotMessage): Promise<void> {
    const history = await recentTurns(ctx.db, user.user_id, question.id, historyTurns);
    let text: string;
    try {
      text = await asUser(user.user_id, () =>
        ctx.bot.reply({
          user: publicSummary(user),
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
    const reply = await queue.enqueue({
      userId: user.user_id,
      isUser: false,
      body: text.length > 0 ? text : '…',
      clientId: null,
      createdAt: ctx.clock.now(),
    });
    ctx.io.to(socketRooms.user(user.user_id)).emit(socketEvents.message, { chat_type: 'bot', messages: [question, reply.message] });
  }

  function answerInTurn(user: SelfUser, question: BotMessage): void {
    const before = answering.get(user.user_id) ?? Promise.resolve();
    const job = before
      .then(() => answer(user, question))
      .catch((error: unknown) => ctx.logger.error({ err: describeError(error) }, 'bot turn failed'))
      .finally(() => {
        inFlight.delete(job);
        if (answering.get(user.user_id) === job) answering.delete(user.user_id);
      });
    answering.set(user.user_id, job);
    inFlight.add(job);
  }

  return {
    async send(user, input) {
      const stored = queue.enqueue({
        userId: user.user_id,
        isUser: true,
        body: input.message,
        clientId: input.client_id ?? null,
        createdAt: ctx.clock.now(),
      });
      const committed = stored.then(({ message, fresh }) => {
        // A retry's reply was (or is being) sent already.
        if (fresh) answerInTurn(user, message);
        return message;
      });
      return { committed };
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
