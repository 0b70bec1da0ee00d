import { describe, expect, it } from 'vitest';
import { call, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';

// Rate limits on, no TRUST_PROXY: the client address is the connection's own.
const server = useServer({ env: { RATE_LIMITS: 'on' } });

describe('client address', () => {
  it('X-Forwarded-For counts only when TRUST_PROXY says so', async () => {
    const register = (i: number) =>
      call(server(), 'POST', '/register', {
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
        body: { email: uniqueEmail(), password: 'a good password', first_name: 'A', last_name: 'B' },
      });
    for (let i = 1; i <= 20; i++) expect((await register(i)).status).toBe(202);
    // Every attempt came from 127.0.0.1 whatever the header claimed: the 21st is limited.
    expect((await register(21)).status).toBe(429);
  });
});
