import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { ParleyError, type SendAck } from '@parley/shared';
import type { ParleyServer, ParleySocket } from '../context.js';
import { createInFlight } from './in-flight.js';

/**
 * What a shutdown waits for before it closes anything: HTTP requests being answered and socket
 * events whose acknowledgement is not sent yet. Once draining, socket events are refused with
 * `unavailable` (nothing was done: the client resends after it reconnects) and HTTP answers close
 * their connection, so the work in flight can only shrink.
 */
export interface Drain {
  readonly draining: boolean;
  /** Stops taking new work; resolves true once everything in flight ended, false after `boundMs`. */
  drain(boundMs: number): Promise<boolean>;
}

const stopping = () =>
  new ParleyError('unavailable', 'The server is restarting; send again once reconnected.', { retryAfterSeconds: 1 });

/** Socket.IO's own requests (polling) are not work in flight: their events are counted instead. */
function isSocketIoRequest(req: IncomingMessage): boolean {
  return (req.url ?? '').startsWith('/socket.io/');
}

export function watchInFlight(httpServer: HttpServer, io: ParleyServer): Drain {
  const inFlight = createInFlight();
  let draining = false;

  // Prepended, so it runs before Express has a chance to answer.
  httpServer.prependListener('request', (req, res) => {
    if (isSocketIoRequest(req)) return;
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', inFlight.start());
  });

  const watchSocket = (socket: ParleySocket) => {
    socket.use((event, next) => {
      const last: unknown = event[event.length - 1];
      const ack = typeof last === 'function' ? (last as (answer: unknown) => void) : undefined;
      if (draining) {
        ack?.({ ok: false, error: stopping().toDetail() } satisfies SendAck);
        return;
      }
      // Without an ack there is no moment at which the event is known to be done; without a
      // handler (an unknown event) there will never be one.
      if (!ack || socket.listenerCount(event[0]) === 0) {
        next();
        return;
      }
      const end = inFlight.start();
      event[event.length - 1] = (answer: unknown) => {
        end();
        ack(answer);
      };
      // Counted until the handler answers, even when the client has gone meanwhile: its database
      // work must end before the database closes.
      next();
    });
  };
  io.on('connection', watchSocket);

  return {
    get draining() {
      return draining;
    },
    drain(boundMs) {
      draining = true;
      return inFlight.settled(boundMs);
    },
  };
}
