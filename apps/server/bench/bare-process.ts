/**
 * The baseline server, in its own process like Parley: bare Socket.IO (the version Parley uses),
 * no auth beyond a token that names the user (`u<id>`), no database, no validation. It does what
 * the scenarios need in Parley's shapes: presence coalesced per 250 ms window (as PROTOCOL.md
 * allows), `GET /chat_groups/{id}` joins the caller's sockets to the group, group messages are
 * acked and sent to the group, room messages acked and sent to the peer, and `GET /health`
 * answers at once (the HTTP floor under the history row).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { memoryAfterGc, serveRequests } from './child-process.js';

/** With REDIS_URL, one node of several: the same adapter and options as Parley's (`src/realtime/io.ts`). */
async function clusterAdapter() {
  const url = process.env.REDIS_URL;
  if (!url) return undefined;
  const redis = createClient({ url });
  await redis.connect();
  const prefix = process.env.REDIS_PREFIX ?? 'bare';
  return createAdapter(redis, {
    streamName: `${prefix}:socket.io`,
    channelPrefix: `${prefix}:socket.io`,
    sessionKeyPrefix: `${prefix}:socket.io:session:`,
    onlyPlaintext: true,
  });
}

const windowMs = 250;

function userOf(token: unknown): number | undefined {
  if (typeof token !== 'string' || !token.startsWith('u')) return undefined;
  const id = Number(token.slice(1));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

const presence = new Map<number, boolean>();
const groupPresence = new Map<number, Map<number, boolean>>();
const socketsOf = new Map<number, number>();
let nextId = 1;

const httpServer = createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  const match = /^\/chat_groups\/(\d+)/.exec(req.url ?? '');
  const user = userOf(/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]);
  if (!match || user === undefined) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"no"}}');
    return;
  }
  const groupId = Number(match[1]);
  const room = `g:${groupId}`;
  io.in(`u:${user}`).socketsJoin(room);
  const changes = groupPresence.get(groupId) ?? new Map<number, boolean>();
  changes.set(user, true);
  groupPresence.set(groupId, changes);
  void io
    .in(room)
    .fetchSockets()
    .then((sockets) => {
      const present = [...new Set(sockets.map((s) => s.data as number))];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ chat_group_id: groupId, present_user_ids: present, messages: [], has_more: false }));
    });
});
const adapter = await clusterAdapter();
const io = new Server(httpServer, { transports: ['websocket'], ...(adapter && { adapter }) });

io.on('connection', (socket) => {
  const user = userOf(socket.handshake.auth.token);
  if (user === undefined) {
    socket.disconnect(true);
    return;
  }
  socket.data = user;
  void socket.join(`u:${user}`);
  const count = (socketsOf.get(user) ?? 0) + 1;
  socketsOf.set(user, count);
  if (count === 1) presence.set(user, true);
  socket.on('disconnect', () => {
    const left = (socketsOf.get(user) ?? 1) - 1;
    if (left === 0) {
      socketsOf.delete(user);
      presence.set(user, false);
    } else socketsOf.set(user, left);
  });
  socket.on('message', (payload: Record<string, unknown> | null, ack?: unknown) => {
    const text = typeof payload?.message === 'string' ? payload.message : '';
    const base = { id: nextId++, user_id: user, message: text, timestamp: new Date().toISOString() };
    if (payload?.chat_type === 'group') {
      const message = { ...base, chat_group_id: Number(payload.chat_group_id) };
      if (typeof ack === 'function') ack({ ok: true, message });
      io.to(`g:${message.chat_group_id}`).emit('message', { chat_type: 'group', ...message });
    } else {
      const message = { ...base, chat_room_id: 1 };
      if (typeof ack === 'function') ack({ ok: true, message });
      io.to(`u:${Number(payload?.other_user_id)}`).emit('message', { chat_type: 'room', ...message });
    }
  });
});

setInterval(() => {
  if (presence.size > 0) {
    io.emit('presence', { changes: [...presence].map(([user_id, online]) => ({ user_id, online })) });
    presence.clear();
  }
  for (const [groupId, changes] of groupPresence) {
    const list = [...changes].map(([user_id, present]) => ({ user_id, first_name: 'B', last_name: 'B', present }));
    io.to(`g:${groupId}`).emit('group_presence', { chat_group_id: groupId, changes: list });
  }
  groupPresence.clear();
}, windowMs).unref();

serveRequests(async (type) => {
  if (type === 'memory') return memoryAfterGc();
  throw new Error(`unknown request ${type}`);
});
process.on('SIGTERM', () => process.exit(0));
httpServer.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: (httpServer.address() as AddressInfo).port });
});
