import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limits } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../src/mail/mailer.js';
import { createLogger } from '../src/logger.js';
import { LogSink } from './support/fakes.js';
import { call, signUp, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';
import { connect, nextEvent } from './support/sockets.js';

const server = useServer();

function registration(email: string, password = 'a good password', first = 'Ada', last = 'Lovelace') {
  return { email, password, first_name: first, last_name: last };
}

describe('register', () => {
  it('answers 202 confirmation_sent and mails a link to PUBLIC_URL/register/<token>', async () => {
    const email = uniqueEmail();
    const reply = await call(server(), 'POST', '/register', { body: registration(email) });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ status: 'confirmation_sent' });
    const [mail] = server().mail.mailsTo(email);
    expect(mail?.text).toContain(`${server().settings.publicUrl}/register/`);
    expect(server().mail.linkTokenFor(email)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('opening the link creates the account: 201 with user_id, and the user can log in', async () => {
    const email = uniqueEmail();
    await call(server(), 'POST', '/register', { body: registration(email, 'secret password') });
    const opened = await call(server(), 'GET', `/register/${server().mail.linkTokenFor(email)}`);
    expect(opened.status).toBe(201);
    expect(opened.body).toEqual({ user_id: expect.any(Number) });
    const login = await call(server(), 'POST', '/login', { body: { email, password: 'secret password' } });
    expect(login.status).toBe(200);
  });

  it('an unconfirmed address cannot log in', async () => {
    const email = uniqueEmail();
    await call(server(), 'POST', '/register', { body: registration(email, 'secret password') });
    const login = await call(server(), 'POST', '/login', { body: { email, password: 'secret password' } });
    expect(login.status).toBe(401);
    expect(login.body).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('a browser gets a small HTML page with the same status and a CSP without scripts', async () => {
    const email = uniqueEmail();
    await call(server(), 'POST', '/register', { body: registration(email) });
    const opened = await call(server(), 'GET', `/register/${server().mail.linkTokenFor(email)}`, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(opened.status).toBe(201);
    expect(opened.headers.get('content-type')).toContain('text/html');
    expect(opened.text).toContain('Your account is ready');
    expect(opened.text).toContain('/app/">Open Parley in your browser</a>');
    expect(opened.text).not.toContain('<script');
    expect(opened.headers.get('content-security-policy')).toMatch(/default-src 'none'; style-src 'sha256-/);
  });

  it('a used link answers 404 not_found', async () => {
    const email = uniqueEmail();
    await call(server(), 'POST', '/register', { body: registration(email) });
    const token = server().mail.linkTokenFor(email);
    expect((await call(server(), 'GET', `/register/${token}`)).status).toBe(201);
    const again = await call(server(), 'GET', `/register/${token}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('a used link answers a browser with an HTML 404 page', async () => {
    const email = uniqueEmail();
    await call(server(), 'POST', '/register', { body: registration(email) });
    const token = server().mail.linkTokenFor(email);
    await call(server(), 'GET', `/register/${token}`);
    const again = await call(server(), 'GET', `/register/${token}`, { headers: { accept: 'text/html' } });
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toContain('text/html');
  });

  it('an unknown or malformed link answers 404', async () => {
    expect((await call(server(), 'GET', `/register/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await call(server(), 'GET', '/register/not-a-token')).status).toBe(404);
  });

  it('HEAD on a link consumes nothing', async () => {
    const email = uniqueEmail();
    await call(server(), 'POST', '/register', { body: registration(email) });
    const token = server().mail.linkTokenFor(email);
    const head = await fetch(`${server().url}/register/${token}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const head2 = await fetch(`${server().url}/register/${token}`, { method: 'HEAD' });
    expect(head2.status).toBe(200);
    expect((await call(server(), 'GET', `/register/${token}`)).status).toBe(201);
  });

  it('a link older than 24 hours answers 410 link_expired', async () => {
    const email = uniqueEmail();
    await call(server(), 'POST', '/register', { body: registration(email) });
    const token = server().mail.linkTokenFor(email);
    server().clock.advance(limits.registrationLinkTtlMs + 1_000);
    try {
      const opened = await call(server(), 'GET', `/register/${token}`);
      expect(opened.status).toBe(410);
      expect(opened.body).toMatchObject({ error: { code: 'link_expired' } });
      const page = await call(server(), 'GET', `/register/${token}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(410);
      expect(page.text).toContain('expired');
    } finally {
      server().clock.advance(-(limits.registrationLinkTtlMs + 1_000));
    }
  });

  it('registering again sends a second link bound to its own password and names; the older stays valid', async () => {
    const email = uniqueEmail();
    await call(server(), 'POST', '/register', { body: registration(email, 'first password', 'Old', 'Name') });
    const older = server().mail.linkTokenFor(email);
    await call(server(), 'POST', '/register', { body: registration(email, 'second password', 'New', 'Name') });
    const newer = server().mail.linkTokenFor(email);
    expect(newer).not.toBe(older);
    const second = server().mail.mailsTo(email).at(-1)!;
    expect(second.text).toMatch(/already had a pending registration; someone asked again at \d{4}-\d\d-\d\dT/);
    expect(server().mail.mailsTo(email)[0]!.text).not.toContain('asked again');
    // Opening the older link creates the account it was asked with, and voids the newer one.
    expect((await call(server(), 'GET', `/register/${older}`)).status).toBe(201);
    expect((await call(server(), 'GET', `/register/${newer}`)).status).toBe(404);
    expect((await call(server(), 'POST', '/login', { body: { email, password: 'second password' } })).status).toBe(401);
    const login = await call(server(), 'POST', '/login', { body: { email, password: 'first password' } });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ user: { first_name: 'Old' } });
  });

  it("whoever registers a victim's pending address again cannot choose the password of the victim's account", async () => {
    const email = uniqueEmail('victim');
    await call(server(), 'POST', '/register', { body: registration(email, 'victim password', 'Vera', 'Victim') });
    const victimsLink = server().mail.linkTokenFor(email);
    await call(server(), 'POST', '/register', { body: registration(email, 'attacker password', 'Mallory', 'X') });
    expect((await call(server(), 'GET', `/register/${victimsLink}`)).status).toBe(201);
    expect((await call(server(), 'POST', '/login', { body: { email, password: 'attacker password' } })).status).toBe(401);
    const login = await call(server(), 'POST', '/login', { body: { email, password: 'victim password' } });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ user: { first_name: 'Vera', last_name: 'Victim' } });
  });

  it('an existing account gets the same 202 and a "someone tried to register" mail without a link', async () => {
    const existing = await signUp(server());
    const before = server().mail.mailsTo(existing.email).length;
    const reply = await call(server(), 'POST', '/register', { body: registration(existing.email) });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ status: 'confirmation_sent' });
    const mails = server().mail.mailsTo(existing.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)?.subject).toContain('Someone tried to register');
    expect(mails.at(-1)?.text).not.toContain('/register/');
  });

  it('bad input answers 400 invalid_input naming each field', async () => {
    const reply = await call(server(), 'POST', '/register', {
      body: { email: 'not an address', password: 'short', first_name: '   ', last_name: 'x'.repeat(65) },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'invalid_input' } });
    const fields = (reply.body as { error: { fields: Record<string, string> } }).error.fields;
    expect(Object.keys(fields).sort()).toEqual(['email', 'first_name', 'last_name', 'password']);
  });

  it('a password of 129 code points is refused and one of 128 emoji is accepted', async () => {
    const tooLong = await call(server(), 'POST', '/register', { body: registration(uniqueEmail(), 'a'.repeat(129)) });
    expect(tooLong.status).toBe(400);
    const emoji = await call(server(), 'POST', '/register', { body: registration(uniqueEmail(), '😀'.repeat(128)) });
    expect(emoji.status).toBe(202);
  });

  it('a name with NUL or a lone surrogate is refused, never altered', async () => {
    const nul = await call(server(), 'POST', '/register', { body: registration(uniqueEmail(), 'a good password', 'A\u0000B') });
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({ error: { fields: { first_name: expect.any(String) } } });
    const lone = await call(server(), 'POST', '/register', {
      raw: `{"email":"${uniqueEmail()}","password":"a good password","first_name":"\\ud800","last_name":"X"}`,
    });
    expect(lone.status).toBe(400);
  });

  it('names are trimmed before they are stored', async () => {
    const email = uniqueEmail();
    await call(server(), 'POST', '/register', { body: registration(email, 'a good password', '  Grace  ', ' Hopper ') });
    await call(server(), 'GET', `/register/${server().mail.linkTokenFor(email)}`);
    const login = await call(server(), 'POST', '/login', { body: { email, password: 'a good password' } });
    expect(login.body).toMatchObject({ user: { first_name: 'Grace', last_name: 'Hopper' } });
  });

  it('every online user receives user_registered when an account is created', async () => {
    const watcher = await signUp(server());
    const socket = await connect(server().url, watcher.token);
    const email = uniqueEmail();
    await call(server(), 'POST', '/register', { body: registration(email, 'a good password', 'New', 'Comer') });
    const event = nextEvent(socket, 'user_registered', (e) => e.first_name === 'New');
    const opened = await call(server(), 'GET', `/register/${server().mail.linkTokenFor(email)}`);
    expect(await event).toEqual({ user_id: (opened.body as { user_id: number }).user_id, first_name: 'New', last_name: 'Comer' });
  });
});

describe('outbox mailer', () => {
  it('writes each mail as an .eml file and logs only its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-outbox-'));
    const logs = new LogSink();
    const mailer = createOutboxMailer(join(dir, 'outbox'), createLogger('info', logs));
    await mailer.send({ to: 'ada@example.com', subject: 'Confirm', text: 'Open http://x/register/SECRETTOKEN now' });
    const files = await readdir(join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T.*\.eml$/);
    const raw = await readFile(join(dir, 'outbox', files[0]!), 'utf8');
    expect(raw).toContain('To: ada@example.com');
    expect(raw).toContain('SECRETTOKEN');
    expect(logs.text).toContain(files[0]);
    expect(logs.text).not.toContain('SECRETTOKEN');
  });
});
