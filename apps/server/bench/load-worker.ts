/**
 * A load-generating process: socket.io-client sockets driven by the runner over IPC, so the load
 * does not share an event loop with the runner or the server. Requests: `connect` (a storm of
 * sockets), `presence` (what they heard), `enter` (GET /chat_groups/{id} per socket), `deliveries`
 * (group messages received per tag), `send` (paced group messages), `writes` (acked room sends),
 * `close`.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { serveRequests } from './child-process.js';
import {
  connectRequest,
  deliveriesRequest,
  enterRequest,
  senderRequest,
  sendRequest,
  writesRequest,
  type EnterRequest,
  type SendRequest,
  type WritesRequest,
} from './load-requests.js';
import { percentile } from './stats.js';

/** Wall-clock ms with sub-ms precision, comparable across processes on one machine. */
const now = () => performance.timeOrigin + performance.now();

const sockets: Socket[] = [];
let lastPresenceAt = 0;
/** Deliveries already reported, so `received` counts every delivery ever. */
let consumed = 0;
const heardOnline = new Set<number>();
const deliveries = new Map<string, { count: number; latencies: number[]; lastAt: number }>();

function open(url: string, token: string): Socket {
  return io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000 });
}

function whenConnected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
}

interface PresenceChange {
  user_id: number;
  online: boolean;
}

function onPresence(first: boolean) {
  return (payload: { changes?: PresenceChange[] } & Partial<PresenceChange>) => {
    lastPresenceAt = now();
    if (!first) return;
    for (const change of payload.changes ?? [payload as PresenceChange]) {
      if (change.online) heardOnline.add(change.user_id);
      else heardOnline.delete(change.user_id);
    }
  };
}

function onMessage(payload: { message?: unknown }) {
  const text = payload.message;
  if (typeof text !== 'string' || !text.startsWith('b ')) return;
  const [, tag, sentAt] = text.split(' ');
  const at = now();
  const entry = deliveries.get(tag!) ?? { count: 0, latencies: [], lastAt: 0 };
  entry.count += 1;
  entry.latencies.push(at - Number(sentAt));
  entry.lastAt = at;
  deliveries.set(tag!, entry);
}

/**
 * Opens every socket at once; answers when all are connected or at `limitMs`, with how many
 * made it: a slow server shows as a partial count, not a failed run. Sockets still on their way
 * keep connecting afterwards.
 */
async function connectAll(url: string, tokens: string[], limitMs: number): Promise<{ connectMs: number[]; failed: number }> {
  const started = now();
  const connectMs: number[] = [];
  let failed = 0;
  const all = Promise.all(
    tokens.map(async (token) => {
      const socket = open(url, token);
      socket.on('presence', onPresence(sockets.length === 0));
      sockets.push(socket);
      socket.on('message', onMessage);
      try {
        await whenConnected(socket);
        connectMs.push(now() - started);
      } catch {
        failed += 1;
      }
    }),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([all, new Promise((r) => (timer = setTimeout(r, limitMs)))]);
  clearTimeout(timer);
  return { connectMs: [...connectMs], failed };
}

/** Runs `jobs` with at most `limit` at a time; resolves with each job's duration in ms. */
async function limited(jobs: (() => Promise<void>)[], limit: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, jobs.length) }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const t = now();
        await job();
        times.push(now() - t);
      }
    }),
  );
  return times;
}

async function enter({ url, entries, concurrency }: EnterRequest) {
  const started = now();
  let failures = 0;
  const times = await limited(
    entries.map(({ token, groupId }) => async () => {
      const response = await fetch(`${url}/chat_groups/${groupId}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(60_000),
      });
      await response.arrayBuffer();
      if (response.status !== 200) failures += 1;
    }),
    concurrency,
  );
  return { elapsedMs: now() - started, p50: percentile(times, 50), p99: percentile(times, 99), failures };
}

let sender: Socket | undefined;

async function openSender(url: string, token: string): Promise<Socket> {
  if (!sender) {
    sender = open(url, token);
    await whenConnected(sender);
  }
  return sender;
}

async function send(body: SendRequest) {
  const socket = await openSender(body.url, body.token);
  const total = Math.round((body.rate * body.durationMs) / 1000);
  let sent = 0;
  let acked = 0;
  let refused = 0;
  const started = now();
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((now() - started) * body.rate) / 1000));
      while (sent < due) {
        const groupId = body.groupIds[sent % body.groupIds.length]!;
        sent += 1;
        const payload = { chat_type: 'group', chat_group_id: groupId, message: `b ${body.tag} ${now()}` };
        socket.emit('message', payload, (ack: { ok?: boolean }) => {
          if (ack.ok === true) acked += 1;
          else refused += 1;
        });
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  return { sent, acked, refused, sendMs: now() - started };
}

async function writes(body: WritesRequest) {
  const senders = body.tokens.map((token) => open(body.url, token));
  await Promise.all(senders.map(whenConnected));
  const ackMs: number[] = [];
  const clocks: ReturnType<typeof setInterval>[] = [];
  const started = now();
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`writes timed out after ${ackMs.length} acks`)), body.timeoutMs);
      let open = senders.length;
      senders.forEach((socket, i) => {
        let sent = 0;
        let acked = 0;
        // Paced: one send per tick of the sender's own clock, the window only a cap on backlog.
        const paced = body.ratePerSender !== undefined;
        const pump = (tick = false) => {
          while (sent < body.count && sent - acked < body.window && (!paced || tick)) {
            tick = false;
            const at = now();
            sent += 1;
            const payload = { chat_type: 'room', other_user_id: body.peerIds[i], message: `w ${sent}`, client_id: randomUUID() };
            socket.emit('message', payload, (ack: { ok?: boolean; error?: { code?: string } }) => {
              ackMs.push(now() - at);
              acked += 1;
              if (ack.ok !== true) {
                clearTimeout(timer);
                reject(new Error(`refused: ${ack.error?.code ?? '?'}`));
              } else if (acked === body.count && --open === 0) {
                clearTimeout(timer);
                resolve();
              } else if (!paced) pump();
            });
          }
        };
        if (body.ratePerSender === undefined) pump();
        else clocks.push(setInterval(() => sent < body.count && pump(true), 1000 / body.ratePerSender));
      });
    });
  } finally {
    for (const clock of clocks) clearInterval(clock);
    for (const socket of senders) socket.disconnect();
  }
  const seconds = (now() - started) / 1000;
  return { perSecond: ackMs.length / seconds, p50: percentile(ackMs, 50), p99: percentile(ackMs, 99) };
}

/** Sorted, thinned to at most `max` samples: quantiles survive, the IPC message stays small. */
function thin(samples: number[], max: number): number[] {
  const sorted = [...samples].sort((a, b) => a - b);
  const step = Math.max(1, Math.ceil(sorted.length / max));
  return sorted.filter((_, i) => i % step === 0);
}

serveRequests(async (type, body) => {
  switch (type) {
    case 'connect': {
      const { url, tokens, limitMs } = connectRequest.parse(body);
      return connectAll(url, tokens, limitMs);
    }
    case 'presence':
      return { lastPresenceAt, heardOnline: heardOnline.size };
    case 'received':
      return { total: [...deliveries.values()].reduce((n, d) => n + d.count, 0) + consumed };
    case 'open-sender': {
      const { url, token } = senderRequest.parse(body);
      await openSender(url, token);
      return {};
    }
    case 'enter':
      return enter(enterRequest.parse(body));
    case 'deliveries': {
      const { tag } = deliveriesRequest.parse(body);
      const entry = deliveries.get(tag) ?? { count: 0, latencies: [], lastAt: 0 };
      deliveries.delete(tag);
      consumed += entry.count;
      return { count: entry.count, latencies: thin(entry.latencies, 20_000), lastAt: entry.lastAt };
    }
    case 'send':
      return send(sendRequest.parse(body));
    case 'writes':
      return writes(writesRequest.parse(body));
    case 'close':
      for (const socket of sockets.splice(0)) socket.disconnect();
      sender?.disconnect();
      sender = undefined;
      lastPresenceAt = 0;
      heardOnline.clear();
      return {};
    default:
      throw new Error(`unknown request ${type}`);
  }
});
