import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { limits } from '@parley/shared';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { accountRoutesOf } from './accounts/account.routes.js';
import { passwordResetRoutes } from './accounts/password-reset.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { backupRoutes } from './backup/backup.routes.js';
import { createPasswords, type Passwords } from './auth/passwords.js';
import { createBotChat } from './bot/bot-chat.js';
import { botChatRoutes } from './bot/bot-chat.routes.js';
import type { Bot, WorkspaceLookup } from './bot/bot.js';
import { createWorkspaceLookup } from './bot/workspace-lookup.js';
import { systemClock, type Clock } from './clock.js';
import type { AppContext, ParleyServer } from './context.js';
import type { Database } from './db/client.js';
import type { Settings } from './env.js';
import { createGroupSender } from './groups/group-sender.js';
import { createTypingRelay } from './message-changes/typing.js';
import { groupsRoutes } from './groups/groups.routes.js';
import { errorHandler } from './http/errors.js';
import { notFound } from './http/not-found.js';
import { createHostPolicy } from './http/host-names.js';
import { rejectMalformedUrl } from './http/malformed-url.js';
import { noStore } from './http/no-store.js';
import { createOriginPolicy, originGuard } from './http/origins.js';
import type { RedisClient } from './cluster/redis.js';
import { createRateLimits } from './http/rate-limits.js';
import type { TrustsProxy } from './http/request-scheme.js';
import { guardServer } from './http/server-guard.js';
import { healthRoutes } from './http/health.routes.js';
import type { Logger } from './logger.js';
import type { Mailer } from './mail/mailer.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { metricsRoutes } from './metrics/metrics.routes.js';
import { createMessageWriter } from './messages/message-writer.js';
import { filesRoutes } from './files/files.routes.js';
import { createFileLinks } from './files/signed-links.js';
import { createFileStore } from './files/storage/create-store.js';
import type { FileStore } from './files/storage/file-store.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { handshakeAuth } from './realtime/handshake.js';
import { createIo } from './realtime/io.js';
import { startNodeSync } from './presence/node-sync.js';
import { trackPresence } from './presence/presence-tracker.js';
import { recordAbsences } from './groups/group-leave.js';
import { onConnection } from './realtime/connection.js';
import { registrationRoutes } from './registration/registration.routes.js';
import { createRoomSender } from './rooms/room-sender.js';
import { roomsRoutes } from './rooms/rooms.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { closeTransports } from './shutdown/close-transports.js';
import { watchInFlight } from './shutdown/drain.js';
import { createInFlight } from './shutdown/in-flight.js';
import { afterPendingIo, stopListening } from './shutdown/stop-listening.js';
import { usersRoutes } from './users/users.routes.js';
import { updatesRoutes } from './updates/updates.routes.js';
import { webClientRoutes } from './web-client/web-client.routes.js';

export interface AppDeps {
  db: Database;
  mailer: Mailer;
  /** Builds the bot once the workspace it may look at exists. */
  bot: (lookup: WorkspaceLookup) => Bot;
  clock?: Clock;
  logger: Logger;
  settings: Settings;
  /** Tests pass cheaper scrypt parameters; the default is the production ones. */
  passwords?: Passwords;
  /** When several nodes run: the Redis they share events and rate limits through. */
  redis?: RedisClient;
  /** A fresh registry per app unless given. */
  metrics?: Metrics;
  /** The store the settings name unless given. */
  fileStore?: FileStore;
}

export interface ParleyApp {
  readonly httpServer: HttpServer;
  readonly io: ParleyServer;
  readonly fileStore: FileStore;
  /** Starts listening; resolves to the base URL (`http://127.0.0.1:<port>`). */
  listen(port: number, host: string): Promise<string>;
  /**
   * Stops accepting connections, lets requests and socket events in flight finish (bounded),
   * closes every transport so clients reconnect by themselves, and waits for bot replies in
   * progress. Not the DB.
   */
  close(): Promise<void>;
}

/** How long a shutdown waits for requests and acks in flight; the process must exit within 5 s. */
const drainBoundMs = 3_000;
/** How long closing transports may wait for what is buffered for them to be written. */
const transportCloseBoundMs = 500;

/** Log lines name the route, never a confirmation or reset link's token. */
function safeUrl(url: string | undefined): string {
  return (url ?? '').replace(/^\/(register|password_reset)\/[^/?#]+/, '/$1/[redacted]');
}

export function createApp(deps: AppDeps): ParleyApp {
  const { settings, logger } = deps;
  const app = express();
  app.set('trust proxy', settings.trustProxy);
  // Express's own compiled TRUST_PROXY, so the socket handshake believes exactly the proxies req.ip does.
  const trustsProxy = app.get('trust proxy fn') as TrustsProxy;
  // Node's own answer to a missing Host is a bare 400; the host policy answers it in the protocol's shape.
  const httpServer = createServer({ requireHostHeader: false }, app);
  const isAllowedOrigin = createOriginPolicy(settings, trustsProxy);
  const cluster = deps.redis ? { redis: deps.redis, prefix: settings.redisPrefix } : undefined;
  const io = createIo(httpServer, isAllowedOrigin, cluster && { ...cluster, logger });
  const inFlight = watchInFlight(httpServer, io);
  // After Socket.IO and the in-flight watch are attached, so that the check runs before either
  // (and engine.io) sees a request.
  guardServer(httpServer, createHostPolicy(settings), logger);

  const ctx: AppContext = {
    db: deps.db,
    io,
    mailer: deps.mailer,
    bot: deps.bot(createWorkspaceLookup(deps.db, () => io)),
    clock: deps.clock ?? systemClock,
    logger,
    settings,
    passwords: deps.passwords ?? createPasswords(),
    rateLimits: createRateLimits(settings.rateLimits, undefined, cluster),
    backgroundWrites: createInFlight(),
    metrics: deps.metrics ?? createMetrics(),
    fileStore: deps.fileStore ?? createFileStore(settings.files),
    fileLinks: createFileLinks(settings.files.urlSecret),
  };
  ctx.metrics.observe(io, deps.db);
  // Several nodes: each one's presence reaches the others, and a node that dies is noticed.
  const nodeSync = cluster ? startNodeSync(io, { logger, nodeGone: (absent) => recordAbsences(ctx, absent) }) : undefined;
  trackPresence(io, nodeSync?.publish);
  let closing = false;

  app.disable('x-powered-by');
  // Every REST answer is `no-store`, so nothing would revalidate with it: hashing each body (res.send's
  // ETag, 1.5 % of the server during 2,000 group entries) is work for nobody. The web client's files
  // keep theirs (serve-static makes its own).
  app.set('etag', false);
  // Request lines are logged at info (the default); below it (LOG_LEVEL=warn) pino-http would
  // only build a child logger per request for nothing: errors are logged by `errorHandler`.
  if (logger.isLevelEnabled('info')) {
    app.use(
      pinoHttp({
        logger,
        serializers: {
          // Method, route and address only: no headers (tokens), no bodies (passwords, text).
          req: (req: { method?: string; url?: string; remoteAddress?: string }) => ({
            method: req.method,
            url: safeUrl(req.url),
            remoteAddress: req.remoteAddress,
          }),
          res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        },
        customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      }),
    );
  }
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use(noStore);
  app.use(rejectMalformedUrl);
  app.use(originGuard(isAllowedOrigin));
  app.use(express.json({ limit: limits.payloadMaxBytes }));

  app.use(healthRoutes(deps.db, () => closing));
  app.use(metricsRoutes(ctx.metrics, settings, trustsProxy));
  app.use(backupRoutes(deps.db, logger));
  app.use(registrationRoutes(ctx));
  app.use(authRoutes(ctx));
  app.use(passwordResetRoutes(ctx));
  app.use(accountRoutesOf(ctx));
  app.use(usersRoutes(ctx));
  app.use(notificationsRoutes(ctx));
  app.use(botChatRoutes(ctx));
  app.use(roomsRoutes(ctx));
  app.use(groupsRoutes(ctx));
  app.use(filesRoutes(ctx));
  app.use(searchRoutes(ctx));
  app.use(webClientRoutes(settings));
  app.use(updatesRoutes(settings));
  app.use(notFound);
  app.use(errorHandler(logger));

  const botChat = createBotChat(ctx);
  const writer = createMessageWriter(ctx);
  const senders = { bot: botChat, room: createRoomSender(ctx, writer), group: createGroupSender(ctx, writer), typing: createTypingRelay(ctx) };
  io.use(handshakeAuth(ctx));
  io.on('connection', (socket) => onConnection(ctx, socket, senders));

  return {
    httpServer,
    io,
    fileStore: ctx.fileStore,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    async close() {
      closing = true;
      await afterPendingIo();
      const httpClosed = stopListening(httpServer);
      await afterPendingIo();
      if (!(await inFlight.drain(drainBoundMs))) logger.warn({ boundMs: drainBoundMs }, 'shutdown cut work still in flight');
      await closeTransports(io, transportCloseBoundMs);
      nodeSync?.stop();
      await io.close();
      // The departures those closes caused write their read marks before the database closes.
      if (!(await ctx.backgroundWrites.settled(drainBoundMs))) logger.warn({ boundMs: drainBoundMs }, 'shutdown cut departures still being recorded');
      httpServer.closeAllConnections();
      await httpClosed;
      await botChat.drain();
      deps.mailer.close();
    },
  };
}
