import { request } from 'node:http';
import { connect as connectTcp } from 'node:net';

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const timeoutMs = 5_000;

/**
 * One request with exactly the headers given, Host included (fetch and socket.io-client quietly
 * send their own), e.g. a websocket upgrade: a 101 resolves with no body and closes the socket.
 */
export function rawRequest(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  options: { method?: string; body?: unknown } = {},
): Promise<RawReply> {
  const method = options.method ?? 'GET';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) headers = { 'content-type': 'application/json', ...headers };
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers, setHost: false, timeout: timeoutMs });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '' });
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.end(body);
  });
}

/** The headers of a websocket upgrade to engine.io. */
export function websocketHeaders(headers: Record<string, string>): Record<string, string> {
  return {
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
  };
}

export const pollingHandshake = '/socket.io/?EIO=4&transport=polling';
export const websocketHandshake = '/socket.io/?EIO=4&transport=websocket';

/** Bytes as they are, for requests no HTTP client will send (no Host header at all). */
export function rawBytes(baseUrl: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host: hostname, port: Number(port) });
    let text = '';
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}
