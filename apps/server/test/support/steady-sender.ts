import { randomUUID } from 'node:crypto';
import type { ChatRoomResponse, RoomChatMessage, SendAck } from '@parley/shared';
import { live } from './history.js';
import { call } from './http.js';
import type { ClientSocket } from './sockets.js';
import { sleep } from './sockets.js';

/** One message a sender means to deliver, and what became of it. */
export interface Sent {
  text: string;
  clientId: string;
  /** The id of the acknowledgement; null until one says ok. */
  id: number | null;
  /** The room of the acknowledged message. */
  chatRoomId: number | null;
  attempts: number;
  /** When the last attempt was written (this process's clock). */
  lastAttemptAt: number;
}

export interface SteadySender {
  readonly sent: Sent[];
  /** Lets the message being sent be acknowledged, sends no more, and resolves then. */
  stop(): Promise<void>;
}

function whenConnected(socket: ClientSocket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve) => socket.once('connect', () => resolve()));
}

/**
 * Sends room messages one after another as our clients do: each waits for its acknowledgement
 * before the next, and one that fails (disconnect, no answer, an error answer) is sent again with
 * the same `client_id` once the socket is connected again. `afterEmit` runs right after each
 * attempt is written (a test cuts the connection there).
 */
export function sendSteadily(
  socket: ClientSocket,
  to: { otherUserId: number; label: string },
  options: { ackTimeoutMs?: number; afterEmit?: (attempt: number) => void; pauseMs?: number } = {},
): SteadySender {
  const sent: Sent[] = [];
  let stopping = false;
  const run = async () => {
    for (let seq = 1; !stopping; seq++) {
      const message: Sent = { text: `${to.label} #${seq}`, clientId: randomUUID(), id: null, chatRoomId: null, attempts: 0, lastAttemptAt: 0 };
      sent.push(message);
      while (message.id === null) {
        await whenConnected(socket);
        message.attempts += 1;
        message.lastAttemptAt = Date.now();
        const answer = socket
          .timeout(options.ackTimeoutMs ?? 3_000)
          .emitWithAck('message', {
            chat_type: 'room',
            other_user_id: to.otherUserId,
            message: message.text,
            client_id: message.clientId,
          }) as Promise<SendAck>;
        options.afterEmit?.(message.attempts);
        const ack = await answer.catch(() => null);
        if (ack?.ok) {
          const stored = ack.message as RoomChatMessage;
          message.id = stored.id;
          message.chatRoomId = stored.chat_room_id;
        } else {
          await sleep(50);
        }
      }
      if (options.pauseMs) await sleep(options.pauseMs);
    }
  };
  const done = run();
  return {
    sent,
    stop() {
      stopping = true;
      return done;
    },
  };
}

/** A room's whole history, oldest first, paged backwards with `until`. */
export async function wholeRoomHistory(server: { url: string }, token: string, roomId: number) {
  const messages: ChatRoomResponse['messages'] = [];
  let until: number | undefined;
  for (;;) {
    const query = until === undefined ? '' : `?until=${until}`;
    const page = await call<ChatRoomResponse>(server, 'GET', `/chat_rooms/${roomId}${query}`, { token });
    if (page.status !== 200) throw new Error(`history answered ${page.status}: ${page.text}`);
    messages.unshift(...page.body.messages);
    if (!page.body.has_more || page.body.messages.length === 0) return messages.map(live);
    until = page.body.messages[0]!.id;
  }
}

export interface Tally {
  acknowledged: number;
  found: number;
  lost: number;
  doubled: number;
  outOfOrder: number;
}

/**
 * Compares what senders were told with what a room's history holds: every acknowledged message
 * once, under its acknowledged id, and each sender's messages in the order it sent them.
 */
export function tally(senders: Sent[][], history: { id: number; message: string }[]): Tally {
  const byText = new Map<string, number[]>();
  for (const message of history) byText.set(message.message, [...(byText.get(message.message) ?? []), message.id]);
  const result: Tally = { acknowledged: 0, found: 0, lost: 0, doubled: 0, outOfOrder: 0 };
  for (const sent of senders) {
    let previous = 0;
    for (const message of sent) {
      const ids = byText.get(message.text) ?? [];
      if (ids.length > 1) result.doubled += 1;
      if (message.id === null) continue;
      result.acknowledged += 1;
      if (ids.includes(message.id)) result.found += 1;
      else result.lost += 1;
      if (ids[0] !== undefined && ids[0] < previous) result.outOfOrder += 1;
      previous = Math.max(previous, ids[0] ?? 0);
    }
  }
  return result;
}
