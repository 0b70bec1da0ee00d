import { randomUUID } from 'node:crypto';
import type { RoomChatMessage, SendAck } from '@parley/shared';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { parseSettings } from '../src/env.js';
import { testDatabaseKind } from './support/database.js';
import { wholeRoomHistory } from './support/history.js';
import { call, signUp, type SignedUp } from './support/http.js';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres.js';
import { startServer, type TestServer } from './support/server.js';
import { sleep, type ClientSocket } from './support/sockets.js';

interface Tally {
  statuses: Map<number, number>;
  handshakeCodes: Map<string, number>;
  ackCodes: Map<string, number>;
  slowestRestMs: number;
}

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * A client as the desktop app behaves: one token for the whole run, sends carrying a
 * `client_id`, every send not acknowledged `ok: true` sent again with the same `client_id`, and a
 * socket that comes back after a failed handshake.
 */
class SteadySender {
  readonly acked = new Map<string, number>();
  readonly doubleAcks: string[] = [];
  private readonly pending = new Map<string, string>();
  /** Sends awaiting their ack: a resend waits for the answer (or the timeout) of the last try. */
  private readonly inFlight = new Set<string>();
  private socket: ClientSocket;
  private sent = 0;

  constructor(
    private readonly server: TestServer,
    readonly me: SignedUp,
    private readonly peerId: number,
    private readonly tally: Tally,
  ) {
    this.socket = this.open();
  }

  get unacknowledged(): number {
    return this.pending.size;
  }

  get roomId(): number | undefined {
    return this.firstMessage?.chat_room_id;
  }

  private firstMessage: RoomChatMessage | undefined;

  private open(): ClientSocket {
    const socket: ClientSocket = io(this.server.url, {
      auth: { token: this.me.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      bump(this.tally.handshakeCodes, error.data?.code ?? 'transport');
      setTimeout(() => socket.connect(), 200);
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') setTimeout(() => socket.connect(), 200);
    });
    return socket;
  }

  /** The network blinks: the socket drops and must shake hands again, outage or not. */
  reconnect(): void {
    this.socket.disconnect();
    this.socket.connect();
  }

  close(): void {
    this.socket.disconnect();
  }

  /** One new message, plus every earlier one still unacknowledged. */
  tick(newMessage: boolean): void {
    if (newMessage) {
      this.sent += 1;
      this.pending.set(randomUUID(), `steady ${this.me.user.user_id} #${this.sent}`);
    }
    if (!this.socket.connected) return;
    for (const [clientId, text] of this.pending) if (!this.inFlight.has(clientId)) void this.sendOnce(clientId, text);
  }

  private async sendOnce(clientId: string, text: string): Promise<void> {
    let ack: SendAck;
    this.inFlight.add(clientId);
    try {
      ack = (await this.socket
        .timeout(3_000)
        .emitWithAck('message', { chat_type: 'room', other_user_id: this.peerId, message: text, client_id: clientId })) as SendAck;
    } catch {
      return; // no answer: still pending, sent again on a later tick
    } finally {
      this.inFlight.delete(clientId);
    }
    if (!ack.ok) {
      bump(this.tally.ackCodes, ack.error.code);
      return;
    }
    const message = ack.message as RoomChatMessage;
    const earlier = this.acked.get(clientId);
    if (earlier !== undefined && earlier !== message.id) this.doubleAcks.push(clientId);
    this.acked.set(clientId, message.id);
    this.firstMessage ??= message;
    this.pending.delete(clientId);
  }
}

describe.runIf(testDatabaseKind === 'postgres')('PostgreSQL restarting under steady load', () => {
  let cluster: PrivatePostgres | undefined;
  let db: Database | undefined;
  let server: TestServer | undefined;
  const senders: SteadySender[] = [];

  afterAll(async () => {
    for (const sender of senders) sender.close();
    await server?.stop();
    await db?.close();
    await cluster?.destroy();
  });

  it('loses no acknowledged message, signs no one out, answers 503 not 500, and recovers by itself', async () => {
    cluster = await startPrivatePostgres();
    db = openDatabase({ kind: 'postgres', url: cluster.url });
    await migrateDatabase(db, parseSettings({}).migrationsDir);
    server = await startServer(db);
    const live = server;
    const people = await Promise.all(Array.from({ length: 4 }, () => signUp(live)));
    const peer = people[0]!;
    const tally: Tally = { statuses: new Map(), handshakeCodes: new Map(), ackCodes: new Map(), slowestRestMs: 0 };
    for (const me of people.slice(1)) senders.push(new SteadySender(live, me, peer.user.user_id, tally));

    let running = true;
    const reader = (async () => {
      while (running) {
        const began = Date.now();
        const [rooms, notifications] = await Promise.all([
          call(live, 'GET', '/chat_rooms', { token: peer.token }),
          call(live, 'GET', '/notifications', { token: people[1]!.token }),
        ]);
        bump(tally.statuses, rooms.status);
        bump(tally.statuses, notifications.status);
        tally.slowestRestMs = Math.max(tally.slowestRestMs, Date.now() - began);
        await sleep(50);
      }
    })();
    const load = async (ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; ) {
        for (const sender of senders) sender.tick(true);
        await sleep(100);
      }
    };

    await load(2_000);
    const stopped = cluster.stop();
    await sleep(300);
    for (const sender of senders) sender.reconnect();
    await stopped;
    await load(3_000);
    await cluster.start();
    await load(3_000);
    // Drain: nothing new, only what is still unacknowledged.
    const drainStarted = Date.now();
    for (let end = Date.now() + 15_000; Date.now() < end && senders.some((s) => s.unacknowledged > 0); ) {
      for (const sender of senders) sender.tick(false);
      await sleep(250);
    }
    const drainMs = Date.now() - drainStarted;
    running = false;
    await reader;

    let acked = 0;
    let found = 0;
    let lost = 0;
    let doubled = 0;
    for (const sender of senders) {
      const history = await wholeRoomHistory(live, sender.me.token, sender.roomId!);
      const copies = new Map<number, number>();
      for (const message of history) copies.set(message.id, (copies.get(message.id) ?? 0) + 1);
      const texts = new Map<string, number>();
      for (const message of history) texts.set(message.message, (texts.get(message.message) ?? 0) + 1);
      acked += sender.acked.size;
      for (const id of sender.acked.values()) {
        if (copies.has(id)) found += 1;
        else lost += 1;
      }
      doubled += [...texts.values()].filter((n) => n > 1).length + sender.doubleAcks.length;
    }
    const unavailable = tally.statuses.get(503) ?? 0;
    const other5xx = [...tally.statuses].filter(([status]) => status >= 500 && status !== 503).reduce((n, [, count]) => n + count, 0);
    console.info(
      `database restart under load: ${acked} messages acknowledged, ${found} found after, ${lost} lost, ${doubled} doubled; ` +
        `REST ${unavailable} × 503, ${other5xx} × other 5xx, slowest ${tally.slowestRestMs} ms; drained in ${drainMs} ms; statuses ${JSON.stringify(Object.fromEntries(tally.statuses))}, ` +
        `handshake refusals ${JSON.stringify(Object.fromEntries(tally.handshakeCodes))}, failed acks ${JSON.stringify(Object.fromEntries(tally.ackCodes))}`,
    );

    expect({ lost, doubled, other5xx, unacknowledged: senders.map((s) => s.unacknowledged) }).toEqual({
      lost: 0,
      doubled: 0,
      other5xx: 0,
      unacknowledged: [0, 0, 0],
    });
    expect(found).toBe(acked);
    // The outage was seen, and seen as an outage: never as a bad token.
    expect(unavailable).toBeGreaterThan(0);
    expect(tally.handshakeCodes.get('unauthorized') ?? 0).toBe(0);
    expect(tally.ackCodes.get('unauthorized') ?? 0).toBe(0);
    expect(tally.statuses.get(401) ?? 0).toBe(0);
    // Recovered without a restart: the same tokens work on the same server.
    const after = await call(live, 'GET', '/chat_rooms', { token: peer.token });
    expect(after.status).toBe(200);
  }, 55_000);
});
