import { limits } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import type { Mail, Mailer } from '../src/mail/mailer.js';
import { call, signUp, uniqueEmail, type SignedUp } from './support/http.js';
import { startServer, useServer } from './support/server.js';
import { connect, waitForDisconnect } from './support/sockets.js';

const server = useServer();
const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

async function resetLink(account: SignedUp): Promise<string> {
  const before = server().mail.mailsTo(account.email).length;
  const asked = await call(server(), 'POST', '/password_reset', { body: { email: account.email } });
  expect(asked.status).toBe(202);
  return server().mail.resetTokenFor(account.email, before);
}

function postForm(token: string, fields: Record<string, string>) {
  return call(server(), 'POST', `/password_reset/${token}`, {
    raw: new URLSearchParams(fields).toString(),
    headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describe('POST /password_reset', () => {
  it('answers 202 reset_sent and mails an existing account a link to PUBLIC_URL/password_reset/<token>', async () => {
    const account = await signUp(server());
    const asked = await call(server(), 'POST', '/password_reset', { body: { email: account.email.toUpperCase() } });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ status: 'reset_sent' });
    const token = await server().mail.resetTokenFor(account.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const mail = server().mail.mailsTo(account.email).at(-1)!;
    expect(mail.text).toContain(`${server().settings.publicUrl}/password_reset/${token}`);
    expect(mail.text).toContain('expires in one hour');
  });

  it('an unknown address gets the same 202 and no mail', async () => {
    const email = uniqueEmail();
    const asked = await call(server(), 'POST', '/password_reset', { body: { email } });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ status: 'reset_sent' });
    await expect(server().mail.resetTokenFor(email, 0, 300)).rejects.toThrow();
  });

  it('answers before it looks the address up, so an account changes nothing in how long the answer takes', async () => {
    // A mailer that never finishes: a known address answers 202 all the same, while its mail waits.
    const sent: Mail[] = [];
    let release: () => void = () => {};
    const stuck: Mailer = {
      send: (mail) => {
        sent.push(mail);
        return new Promise<void>((resolve) => (release = resolve));
      },
      close: () => {},
    };
    const account = await signUp(server());
    const other = await startServer(server().db, { mailer: stuck });
    try {
      const asked = await call(other, 'POST', '/password_reset', { body: { email: account.email } });
      expect(asked.status).toBe(202);
      await expect.poll(() => sent.length).toBe(1);
    } finally {
      release();
      await other.stop();
    }
  });

  it('refuses what is not an email address with 400 invalid_input naming the field', async () => {
    const bad = await call(server(), 'POST', '/password_reset', { body: { email: 'not an address' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_input', fields: { email: expect.any(String) } } });
    const none = await call(server(), 'POST', '/password_reset', { body: {} });
    expect(none.status).toBe(400);
  });
});

describe('the reset link', () => {
  it('GET shows a browser a form with labelled fields, no script and a strict CSP; JSON clients learn it is valid', async () => {
    const token = await resetLink(await signUp(server()));
    const page = await call(server(), 'GET', `/password_reset/${token}`, { headers: html });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<form method="post">');
    expect(page.text).toContain('<label for="password">New password</label>');
    expect(page.text).toContain('id="password"');
    expect(page.text).toContain('<label for="password_confirm">');
    expect(page.text).not.toContain('<script');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('script-src');
    // So that the browser posts the form with its real Origin (no-referrer would send `null`).
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    const json = await call(server(), 'GET', `/password_reset/${token}`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(200);
    expect(json.body).toEqual({ status: 'link_valid' });
  });

  it('GET and HEAD consume nothing', async () => {
    const account = await signUp(server());
    const token = await resetLink(account);
    for (let i = 0; i < 2; i++) {
      expect((await fetch(`${server().url}/password_reset/${token}`, { method: 'HEAD' })).status).toBe(200);
      expect((await call(server(), 'GET', `/password_reset/${token}`, { headers: html })).status).toBe(200);
    }
    const changed = await call(server(), 'POST', `/password_reset/${token}`, { body: { password: 'a brand new one' } });
    expect(changed.status).toBe(200);
  });

  it('POST sets the password: the old one and every session stop working, sockets are disconnected, a mail tells the owner', async () => {
    const account = await signUp(server());
    const second = await call<{ token: string }>(server(), 'POST', '/login', { body: { email: account.email, password: account.password } });
    const socket = await connect(server().url, account.token);
    const closed = waitForDisconnect(socket);
    const token = await resetLink(account);
    const changed = await call(server(), 'POST', `/password_reset/${token}`, { body: { password: 'a brand new one' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ status: 'password_changed' });
    expect(await closed).toBe('io server disconnect');
    for (const old of [account.token, second.body.token]) {
      expect((await call(server(), 'GET', '/users', { token: old })).status).toBe(401);
    }
    const oldLogin = await call(server(), 'POST', '/login', { body: { email: account.email, password: account.password } });
    expect(oldLogin.status).toBe(401);
    const newLogin = await call(server(), 'POST', '/login', { body: { email: account.email, password: 'a brand new one' } });
    expect(newLogin.status).toBe(200);
    const mail = server().mail.mailsTo(account.email).at(-1)!;
    expect(mail.subject).toBe('Your Parley password was changed');
    expect(mail.text).not.toContain('a brand new one');
  });

  it('the form posts urlencoded and a browser gets a page', async () => {
    const account = await signUp(server());
    const token = await resetLink(account);
    const done = await call(server(), 'POST', `/password_reset/${token}`, {
      raw: new URLSearchParams({ password: 'typed in a form', password_confirm: 'typed in a form' }).toString(),
      headers: { ...html, 'content-type': 'application/x-www-form-urlencoded', origin: server().url },
    });
    expect(done.status).toBe(200);
    expect(done.headers.get('content-type')).toContain('text/html');
    expect(done.text).toContain('Your password is changed');
    const login = await call(server(), 'POST', '/login', { body: { email: account.email, password: 'typed in a form' } });
    expect(login.status).toBe(200);
  });

  it('a short password is refused with a clear error: the form again for a browser, 400 fields.password as JSON', async () => {
    const account = await signUp(server());
    const token = await resetLink(account);
    const page = await postForm(token, { password: 'short', password_confirm: 'short' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toContain('at least 8');
    expect(page.text).toContain('<form method="post">');
    const json = await call(server(), 'POST', `/password_reset/${token}`, { body: { password: 'short' } });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ error: { code: 'invalid_input', fields: { password: expect.any(String) } } });
    // Nothing was used up: the link still works.
    expect((await call(server(), 'POST', `/password_reset/${token}`, { body: { password: 'long enough now' } })).status).toBe(200);
  });

  it('two different passwords in the form are refused, naming the second field', async () => {
    const token = await resetLink(await signUp(server()));
    const page = await postForm(token, { password: 'one password here', password_confirm: 'another password' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('The two passwords differ');
  });

  it('a used link answers 404, as JSON or as a page', async () => {
    const token = await resetLink(await signUp(server()));
    expect((await call(server(), 'POST', `/password_reset/${token}`, { body: { password: 'first new one' } })).status).toBe(200);
    const again = await call(server(), 'POST', `/password_reset/${token}`, { body: { password: 'second new one' } });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: { code: 'not_found' } });
    const page = await call(server(), 'GET', `/password_reset/${token}`, { headers: html });
    expect(page.status).toBe(404);
    expect(page.text).toContain('This link does not work');
    expect((await fetch(`${server().url}/password_reset/${token}`, { method: 'HEAD' })).status).toBe(404);
  });

  it('using one link voids every other pending link of the account', async () => {
    const account = await signUp(server());
    const first = await resetLink(account);
    const second = await resetLink(account);
    expect(first).not.toBe(second);
    expect((await call(server(), 'POST', `/password_reset/${second}`, { body: { password: 'chosen with two' } })).status).toBe(200);
    expect((await call(server(), 'POST', `/password_reset/${first}`, { body: { password: 'chosen with one' } })).status).toBe(404);
  });

  it('a link older than an hour answers 410 link_expired, and the page says so', async () => {
    const token = await resetLink(await signUp(server()));
    server().clock.advance(limits.passwordResetLinkTtlMs + 1_000);
    try {
      const json = await call(server(), 'POST', `/password_reset/${token}`, { body: { password: 'too late for this' } });
      expect(json.status).toBe(410);
      expect(json.body).toMatchObject({ error: { code: 'link_expired' } });
      const page = await call(server(), 'GET', `/password_reset/${token}`, { headers: html });
      expect(page.status).toBe(410);
      expect(page.text).toContain('This link has expired');
      const form = await postForm(token, { password: 'too late for this', password_confirm: 'too late for this' });
      expect(form.status).toBe(410);
      expect((await fetch(`${server().url}/password_reset/${token}`, { method: 'HEAD' })).status).toBe(410);
    } finally {
      server().clock.advance(-(limits.passwordResetLinkTtlMs + 1_000));
    }
  });

  it('a form body that is not a form answers 400, never a 5xx', async () => {
    const token = await resetLink(await signUp(server()));
    const many = new URLSearchParams(Array.from({ length: 30 }, (_, i): [string, string] => [`f${i}`, 'x'])).toString();
    const tooMany = await call(server(), 'POST', `/password_reset/${token}`, {
      raw: many,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error: { code: 'invalid_input' } });
    const noPassword = await call(server(), 'POST', `/password_reset/${token}`, { body: { password: 12345678 } });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body).toMatchObject({ error: { code: 'invalid_input', fields: { password: expect.any(String) } } });
  });

  it('an unknown or malformed link answers 404', async () => {
    expect((await call(server(), 'GET', `/password_reset/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await call(server(), 'GET', '/password_reset/not-a-token')).status).toBe(404);
    expect((await call(server(), 'POST', '/password_reset/not-a-token', { body: { password: 'whatever it is' } })).status).toBe(404);
  });

  it('a registration link is no reset link, and a reset link no registration link', async () => {
    const account = await signUp(server());
    const token = await resetLink(account);
    expect((await call(server(), 'GET', `/register/${token}`)).status).toBe(404);
  });

  it('a link asked for before a change of password (PUT /password) is void after it', async () => {
    const account = await signUp(server());
    const token = await resetLink(account);
    const changed = await call(server(), 'PUT', '/password', {
      token: account.token,
      body: { current_password: account.password, new_password: 'changed in settings' },
    });
    expect(changed.status).toBe(200);
    const late = await call(server(), 'POST', `/password_reset/${token}`, { body: { password: 'chosen by a thief' } });
    expect(late.status).toBe(404);
  });
});
