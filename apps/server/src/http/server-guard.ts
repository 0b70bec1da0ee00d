import { STATUS_CODES, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ParleyError } from '@parley/shared';
import type { Logger } from '../logger.js';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

function refusalHeaders(body: string): Record<string, string> {
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  };
}

function refuseUpgrade(socket: Duplex, error: ParleyError): void {
  const body = JSON.stringify(error.toBody());
  const headers = Object.entries(refusalHeaders(body)).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.on('error', () => socket.destroy());
  socket.end(`HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\n${headers.join('')}\r\n${body}`);
}

/**
 * Puts `check` in front of everything the HTTP server does, REST and both Socket.IO transports:
 * a refused request reaches no route, no engine.io handler, no database. engine.io attaches its
 * own `request` and `upgrade` listeners (and takes Express's behind its own), so this must run
 * after Socket.IO is attached: it moves every listener there is behind the check.
 */
export function guardServer(
  server: HttpServer,
  check: (req: IncomingMessage) => ParleyError | null,
  logger: Logger,
): void {
  const onRequest = server.listeners('request') as RequestListener[];
  const onUpgrade = server.listeners('upgrade') as UpgradeListener[];
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');

  const refused = (req: IncomingMessage): ParleyError | null => {
    const error = check(req);
    if (error) logger.info({ code: error.code, remoteAddress: req.socket.remoteAddress }, 'request refused before routing');
    return error;
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const error = refused(req);
    if (!error) {
      for (const listener of onRequest) listener.call(server, req, res);
      return;
    }
    const body = JSON.stringify(error.toBody());
    res.writeHead(error.status, refusalHeaders(body)).end(body);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const error = refused(req);
    if (!error) {
      for (const listener of onUpgrade) listener.call(server, req, socket, head);
      return;
    }
    refuseUpgrade(socket, error);
  });
}
