import type { ClientToServerEvents, SelfUser, ServerToClientEvents } from '@parley/shared';
import type { Server, Socket } from 'socket.io';
import type { Bot } from './bot/bot.js';
import type { Passwords } from './auth/passwords.js';
import type { Clock } from './clock.js';
import type { Database } from './db/client.js';
import type { Settings } from './env.js';
import type { RateLimits } from './http/rate-limits.js';
import type { Logger } from './logger.js';
import type { Mailer } from './mail/mailer.js';
import type { InFlight } from './shutdown/in-flight.js';
import type { Metrics } from './metrics/metrics.js';
import type { FileLinks } from './files/signed-links.js';
import type { FileStore } from './files/storage/file-store.js';

/** What a socket carries once its handshake is authenticated. */
export interface SocketData {
  userId: number;
  sessionId: number;
  user: SelfUser;
}

/** Between server nodes: presence (`presence/node-sync.ts`), parsed there like any other input. */
export interface InterServerEvents {
  'parley:presence': (message: unknown) => void;
}
export type ParleyServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type ParleySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Everything a route or socket handler may use, built once by `createApp`. */
export interface AppContext {
  db: Database;
  io: ParleyServer;
  mailer: Mailer;
  bot: Bot;
  clock: Clock;
  logger: Logger;
  settings: Settings;
  passwords: Passwords;
  rateLimits: RateLimits;
  /**
   * Database writes nobody waits for (what a socket's departure records): a shutdown lets them
   * finish before the database closes, since the departures come from closing the transports.
   */
  backgroundWrites: InFlight;
  metrics: Metrics;
  /** Where uploaded files' bytes live. */
  fileStore: FileStore;
  fileLinks: FileLinks;
}
