import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { limits } from '@parley/shared';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server } from 'socket.io';
import { adapterClient } from '../cluster/adapter-client.js';
import type { SharedLimitStore } from '../http/rate-limits.js';
import type { ParleyServer } from '../context.js';
import { describeError } from '../http/errors.js';
import type { Logger } from '../logger.js';

/**
 * Socket.IO on the HTTP server. The heartbeat drops a silent socket after pingInterval +
 * pingTimeout (`limits`: 45 s, within the protocol's 60 s). `cors` only covers polling requests, so
 * `allowRequest` checks the Origin of every handshake, websocket included. The Host check
 * runs before engine.io sees anything (`http/server-guard.ts`, installed by `createApp`).
 */
export function createIo(
  httpServer: HttpServer,
  isAllowedOrigin: (req: IncomingMessage) => boolean,
  cluster?: SharedLimitStore & { logger: Logger },
): ParleyServer {
  return new Server(httpServer, {
    // Several nodes: every broadcast, room change and disconnect crosses them through one Redis
    // stream (docs/scaling.md says why this adapter).
    ...(cluster && {
      adapter: createAdapter(
        // Debug only: `cluster/redis.ts` already says once that Redis is unreachable.
        adapterClient(cluster.redis, (error) => cluster.logger.debug({ err: describeError(error) }, 'a cluster message was not sent')),
        {
        streamName: `${cluster.prefix}:socket.io`,
        channelPrefix: `${cluster.prefix}:socket.io`,
        sessionKeyPrefix: `${cluster.prefix}:socket.io:session:`,
        onlyPlaintext: true,
        },
      ),
    }),
    path: '/socket.io',
    transports: ['polling', 'websocket'],
    pingInterval: limits.heartbeatPingIntervalMs,
    pingTimeout: limits.heartbeatPingTimeoutMs,
    maxHttpBufferSize: limits.payloadMaxBytes,
    serveClient: false,
    allowRequest: (req, callback) => callback(null, isAllowedOrigin(req)),
    cors: { origin: (origin, callback) => callback(null, origin ?? true), credentials: false },
  });
}
