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

  it('never hold a reset link token, an old or new password, or a session token of the account pages', async () => {
    const account = await signUp(server());
    await call(server(), 'POST', '/password_reset', { body: { email: account.email } });
    const linkToken = await server().mail.resetTokenFor(account.email);
    await fetch(`${server().url}/password_reset/${linkToken}`, { method: 'HEAD' });
    await call(server(), 'GET', `/password_reset/${linkToken}`, { headers: { accept: 'text/html' } });
    await call(server(), 'POST', `/password_reset/${linkToken}`, { body: { password: 'Reset-Passw0rd-Secret' } });
    const login = await call<{ token: string }>(server(), 'POST', '/login', { body: { email: account.email, password: 'Reset-Passw0rd-Secret' } });
    const token = login.body.token;
    await call(server(), 'PUT', '/password', { token, body: { current_password: 'Wrong-Current-Secret', new_password: 'Never-Set-Secret' } });
    await call(server(), 'PUT', '/password', { token, body: { current_password: 'Reset-Passw0rd-Secret', new_password: 'Changed-Passw0rd-Secret' } });
    await call(server(), 'GET', '/sessions', { token });
    await call(server(), 'PUT', '/me', { token, body: { first_name: 'Logged', last_name: 'Name' } });

    const logs = server().logs.text;
    expect(logs).toContain('/password_reset/[redacted]');
    for (const secret of [linkToken, token, account.password, 'Reset-Passw0rd-Secret', 'Wrong-Current-Secret', 'Never-Set-Secret', 'Changed-Passw0rd-Secret']) {
      expect(logs).not.toContain(secret);
    }
  });
});
