import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  authentication: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** What the fake answers; `null` leaves the request hanging (a server that never replies). */
export type Reply = { status: number; body: string; headers?: Record<string, string> } | null;

/** A real HTTP server on 127.0.0.1, port 0, that records every request and answers as told. */
export async function startFakeServer() {
  const seen: SeenRequest[] = [];
  let reply: (request: IncomingMessage) => Reply = () => ({ status: 404, body: '' });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authentication: req.headers.authentication as string | undefined,
        contentType: req.headers['content-type'],
        body,
      });
      const answer = reply(req);
      if (!answer) return;
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    answer(next: (request: IncomingMessage) => Reply) {
      reply = next;
    },
    /** Answers every request with `status` and `body` as JSON. */
    json(status: number, body: unknown) {
      reply = () => ({ status, body: JSON.stringify(body) });
    },
    reset() {
      seen.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeServer = Awaited<ReturnType<typeof startFakeServer>>;
