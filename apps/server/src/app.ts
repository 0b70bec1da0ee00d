import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { limits } from '@parley/shared';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { authRoutes } from './auth/auth.routes.js';
import { createPasswords, type Passwords } from './auth/passwords.js';
import { createBotChat } from './bot/bot-chat.handlers.js';
import { botChatRoutes } from './bot/bot-chat.routes.js';
import type { Bot, WorkspaceLookup } from './bot/bot.js';
import { createWorkspaceLookup } from './bot/workspace-lookup.js';
import { systemClock, type Clock } from './clock.js';
import type { AppContext, ParleyServer } from './context.js';
import type { Database } from './db/client.js';
import type { Settings } from './env.js';
import { createGroupSender } from './groups/groups.handlers.js';
import { groupsRoutes } from './groups/groups.routes.js';
import { errorHandler } from './http/errors.js';
import { notFound } from './http/not-found.js';
import { createOriginPolicy, originGuard } from './http/origins.js';
import { createRateLimits } from './http/rate-limits.js';
import type { Logger } from './logger.js';
import type { Mailer } from './mail/mailer.js';
import { createMessageWriter } from './messages/message-writer.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { handshakeAuth } from './realtime/handshake.js';
import { createIo } from './realtime/io.js';
import { onConnection, prepareConnection } from './realtime/connection.js';
import { registrationRoutes } from './registration/registration.routes.js';
import { createRoomSender } from './rooms/rooms.handlers.js';
import { roomsRoutes } from './rooms/rooms.routes.js';
import { usersRoutes } from './users/users.routes.js';
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
}

export interface ParleyApp {
  readonly httpServer: HttpServer;
  readonly io: ParleyServer;
  /** Starts listening; resolves to the base URL (`http://127.0.0.1:<port>`). */
  listen(port: number, host: string): Promise<string>;
  /** Disconnects every socket, stops HTTP and waits for bot replies in progress. Not the DB. */
  close(): Promise<void>;
}

/** Log lines name the route, never a confirmation link's token. */
function safeUrl(url: string | undefined): string {
  return (url ?? '').replace(/^\/register\/[^/?#]+/, '/register/[redacted]');
}

export function createApp(deps: AppDeps): ParleyApp {
  const { settings, logger } = deps;
  const app = express();
  const httpServer = createServer(app);
  const isAllowedOrigin = createOriginPolicy(settings);
  const io = createIo(httpServer, isAllowedOrigin);

  const ctx: AppContext = {
    db: deps.db,
    io,
    mailer: deps.mailer,
    bot: deps.bot(createWorkspaceLookup(deps.db, () => io)),
    clock: deps.clock ?? systemClock,
    logger,
    settings,
    passwords: deps.passwords ?? createPasswords(),
    rateLimits: createRateLimits(settings.rateLimits),
  };

  app.disable('x-powered-by');
  app.set('trust proxy', settings.trustProxy);
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
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use(originGuard(isAllowedOrigin));
  app.use(express.json({ limit: limits.payloadMaxBytes }));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(registrationRoutes(ctx));
  app.use(authRoutes(ctx));
  app.use(usersRoutes(ctx));
  app.use(notificationsRoutes(ctx));
  app.use(botChatRoutes(ctx));
  app.use(roomsRoutes(ctx));
  app.use(groupsRoutes(ctx));
  app.use(webClientRoutes(settings.webClientDir));
  app.use(notFound);
  app.use(errorHandler(logger));

  const botChat = createBotChat(ctx);
  const writer = createMessageWriter(ctx);
  const senders = { bot: botChat, room: createRoomSender(ctx, writer), group: createGroupSender(ctx, writer) };
  io.use(handshakeAuth(ctx));
  io.use(prepareConnection(ctx));
  io.on('connection', (socket) => onConnection(ctx, socket, senders));

  return {
    httpServer,
    io,
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
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await botChat.drain();
      deps.mailer.close();
    },
  };
}
