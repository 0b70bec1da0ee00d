import { describe, expect, it } from 'vitest';
import { call, signUp, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, nextEvent, send } from './support/sockets.js';

const server = useServer();

describe('logs', () => {
  it('never hold a token, a password, a link token or message text', async () => {
    const email = uniqueEmail();
    const password = 'Sup3r-Secret-Passw0rd';
    await call(server(), 'POST', '/register', { body: { email, password, first_name: 'Log', last_name: 'Check' } });
    const linkToken = server().mail.linkTokenFor(email);
    await call(server(), 'GET', `/register/${linkToken}`);
    await call(server(), 'POST', '/login', { body: { email, password: 'Wrong-Passw0rd-Here' } });
    const login = await call<{ token: string }>(server(), 'POST', '/login', { body: { email, password } });
    const token = login.body.token;
    await call(server(), 'GET', '/users', { token });
    await call(server(), 'GET', '/users', { headers: { authorization: `Bearer ${token}` } });
    const bob = await signUp(server());
    const socket = await connect(server().url, token);
    await send(socket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'Very private words' });
    const reply = nextEvent(socket, 'message');
    await send(socket, { chat_type: 'bot', message: 'Another private sentence' });
    await reply;
    await call(server(), 'GET', '/logout', { token });

    const logs = server().logs.text;
    expect(logs).toContain('/register/[redacted]');
    expect(logs).toContain('"url":"/users"');
    for (const secret of [password, 'Wrong-Passw0rd-Here', token, linkToken, 'Very private words', 'Another private sentence']) {
      expect(logs).not.toContain(secret);
    }
  });
});
