import { createServer } from 'node:net';

function tryListen(port: number, host: string): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolve(chosen));
    });
  });
}

/**
 * A port the hosted server can listen on: the one it had last time when still free (so links
 * shared with others keep working), else one the system picks.
 */
export async function findFreePort(preferred: number | null, host = '0.0.0.0'): Promise<number> {
  if (preferred !== null) {
    const again = await tryListen(preferred, host);
    if (again !== null) return again;
  }
  const any = await tryListen(0, host);
  if (any === null) throw new Error('No free port to host the server on.');
  return any;
}
