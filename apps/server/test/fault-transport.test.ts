import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from './support/database.js';
import { signUp } from './support/http.js';
import { useServer } from './support/server.js';
import type { ClientSocket } from './support/sockets.js';
import { sendSteadily, tally, wholeRoomHistory } from './support/steady-sender.js';

const server = useServer();
const clients: ClientSocket[] = [];
afterAll(() => {
  for (const client of clients) client.disconnect();
});

/** Cuts the client's TCP connection the hard way, as a network that drops it would. */
function cutConnection(socket: ClientSocket): void {
  const transport = socket.io.engine.transport as unknown as { ws?: { terminate(): void } };
  transport.ws?.terminate();
}

const messagesPerSender = 12;
// When, after a send is written, its connection is cut: before the server reads it, while it is
// being stored, or after the acknowledgement left.
const cutDelaysMs = [0, 1, 3, 8];

describe('connections that drop mid-send', () => {
  it('resends by client_id store exactly one message each', async () => {
    const users = [await signUp(server()), await signUp(server()), await signUp(server()), await signUp(server())];
    const partnerOf = (i: number) => (i % 2 === 0 ? i + 1 : i - 1);
    let cuts = 0;
    const sockets = users.map((user) => {
      const socket: ClientSocket = io(server().url, {
        auth: { token: user.token },
        forceNew: true,
        transports: ['websocket'],
        // Quick retries: the test cuts dozens of connections.
        reconnectionDelay: 20,
        reconnectionDelayMax: 100,
      });
      clients.push(socket);
      return socket;
    });
    const senders = sockets.map((socket, i) => {
      let emitted = 0;
      return sendSteadily(
        socket,
        { otherUserId: users[partnerOf(i)]!.user.user_id, label: `sender ${i}` },
        {
          ackTimeoutMs: 3_000,
          afterEmit: (attempt) => {
            emitted += 1;
            // Two first attempts in three are cut; every resend goes through.
            if (attempt !== 1 || emitted % 3 === 0) return;
            cuts += 1;
            setTimeout(() => cutConnection(socket), cutDelaysMs[emitted % cutDelaysMs.length]);
          },
        },
      );
    });
    const deadline = Date.now() + 60_000;
    while (senders.some((s) => s.sent.filter((m) => m.id !== null).length < messagesPerSender)) {
      if (Date.now() > deadline) throw new Error('the senders did not finish in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(senders.map((sender) => sender.stop()));

    const results = [];
    let storedByCutSend = 0;
    for (const a of [0, 2]) {
      const roomId = senders[a]!.sent[0]!.chatRoomId!;
      const history = await wholeRoomHistory(server(), users[a]!.token, roomId);
      results.push(tally([senders[a]!.sent, senders[a + 1]!.sent], history));
      // A resent message stored before its resend was written came from the cut send: the resend
      // was answered from client_id. (Same machine, same clock.)
      const storedAt = new Map(history.map((m) => [m.message, Date.parse(m.timestamp)]));
      for (const m of [...senders[a]!.sent, ...senders[a + 1]!.sent]) {
        if (m.attempts > 1 && (storedAt.get(m.text) ?? Infinity) < m.lastAttemptAt) storedByCutSend += 1;
      }
      // Every message sent, acknowledged or not, is stored exactly once.
      const texts = history.map((m) => m.message);
      expect(new Set(texts).size).toBe(texts.length);
      expect(texts.length).toBe(senders[a]!.sent.length + senders[a + 1]!.sent.length);
    }
    const total = results.reduce((sum, t) => ({
      acknowledged: sum.acknowledged + t.acknowledged,
      found: sum.found + t.found,
      lost: sum.lost + t.lost,
      doubled: sum.doubled + t.doubled,
      outOfOrder: sum.outOfOrder + t.outOfOrder,
    }));
    const all = senders.flatMap((s) => s.sent);
    const resent = all.filter((m) => m.attempts > 1).length;
    console.info(`fault-transport (${testDatabaseKind}): ${JSON.stringify({ messages: all.length, cuts, resent, storedByCutSend, ...total })}`);
    expect(cuts).toBeGreaterThan(0);
    expect(total.lost).toBe(0);
    expect(total.doubled).toBe(0);
    expect(total.outOfOrder).toBe(0);
  }, 90_000);
});
