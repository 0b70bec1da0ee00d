import { rateLimitDefaults } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, send } from './support/sockets.js';

const server = useServer({ env: { RATE_LIMITS: 'off' } });

describe('RATE_LIMITS=off', () => {
  it('lifts the per-address login limit', async () => {
    for (let i = 0; i <= rateLimitDefaults.loginsPerAddress; i++) {
      expect((await call(server(), 'POST', '/login', { body: { email: uniqueEmail(), password: 'whatever pw' } })).status).toBe(401);
    }
  });

  it('lifts the per-user write limits', async () => {
    const ada = await signUp(server());
    for (let i = 0; i <= rateLimitDefaults.writes.groupCreate.burst; i++) {
      const reply = await call(server(), 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: `open ${i}` } });
      expect(reply.status).toBe(201);
    }
  });

  it('lifts the message bucket', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const socket = await connect(server().url, ada.token);
    const acks = await Promise.all(
      Array.from({ length: rateLimitDefaults.messageBurst + 5 }, (_, i) =>
        send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: `m${i}` }),
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
  });
});
