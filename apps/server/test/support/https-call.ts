import { request } from 'node:https';

export interface HttpsReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text: string;
}

/**
 * One HTTPS request trusting `ca`, from a chosen local address (127.0.0.2, 127.0.0.3, …: every
 * 127/8 address is this machine, so a proxy sees distinct clients), `body` sent as JSON.
 */
export function httpsCall(
  baseUrl: string,
  method: string,
  path: string,
  options: { ca: Buffer; localAddress?: string; token?: string; body?: unknown; headers?: Record<string, string> },
): Promise<HttpsReply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authentication = options.token;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers, ca: options.ca, localAddress: options.localAddress, agent: false, timeout: 10_000 });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${method} ${path} within 10 s`)));
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
      });
    });
    req.end(body);
  });
}
