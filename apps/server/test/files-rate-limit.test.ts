import { rateLimitDefaults } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { signUp } from './support/http.js';
import { useServer } from './support/server.js';
import { upload } from './support/uploads.js';

const server = useServer({ env: { RATE_LIMITS: 'on' } });

describe('upload rate', () => {
  it('a burst of uploads past the limit is refused with 429 and Retry-After, for that user only', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const target = `other_user_id=${bob.user.user_id}`;
    const burst = rateLimitDefaults.writes.fileUpload.burst;
    for (let i = 0; i < burst; i++) {
      expect((await upload(server(), ada.token, target, { name: `${i}.txt`, bytes: Buffer.from('x') })).status).toBe(201);
    }
    const refused = await upload(server(), ada.token, target, { name: 'one-more.txt', bytes: Buffer.from('x') });
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const bobs = await upload(server(), bob.token, `other_user_id=${ada.user.user_id}`, { name: 'b.txt', bytes: Buffer.from('x') });
    expect(bobs.status).toBe(201);
  });
});
