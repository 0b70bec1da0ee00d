import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOutbox } from '../../src/main/host/outbox.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-outbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const token = 'Zk3q9X_aB-cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4';

/** A mail as nodemailer's stream transport writes it: quoted-printable, lines cut with soft breaks. */
function confirmationMail(to: string, date: string, link = `http://192.168.1.20:4100/register/${token}`): string {
  const body = `Hello,\n\nConfirm your Parley account by opening this link:\n${link}\n\nThe link works once, for 24 hours.`;
  const qp = body
    .replace(/=/g, '=3D')
    .split('\n')
    .map((line) => line.match(/.{1,60}/g)?.join('=\r\n') ?? '')
    .join('\r\n');
  return [
    'Content-Type: text/plain; charset=utf-8',
    'From: Parley <no-reply@parley.local>',
    `To: ${to}`,
    'Subject: Confirm your Parley account',
    `Date: ${date}`,
    'Content-Transfer-Encoding: quoted-printable',
    'MIME-Version: 1.0',
    '',
    qp,
    '',
  ].join('\r\n');
}

describe('local host outbox', () => {
  it('decodes a quoted-printable mail and finds the whole confirmation link', async () => {
    const raw = confirmationMail('ada@example.com', 'Tue, 24 Nov 2026 09:30:00 +0000');
    expect(raw).toContain('=\r\n'); // the link really is cut by a soft break in the file
    await writeFile(join(dir, 'a.eml'), raw);
    expect(await readOutbox(dir)).toEqual([
      { to: 'ada@example.com', link: `http://192.168.1.20:4100/register/${token}`, sentAt: '2026-11-24T09:30:00.000Z' },
    ]);
  });

  it('a password reset link is listed too', async () => {
    const link = `http://192.168.1.20:4100/password_reset/${token}`;
    await writeFile(join(dir, 'reset.eml'), confirmationMail('ada@example.com', 'Tue, 24 Nov 2026 09:30:00 +0000', link));
    expect(await readOutbox(dir)).toEqual([{ to: 'ada@example.com', link, sentAt: '2026-11-24T09:30:00.000Z' }]);
  });

  it('lists the newest mail first', async () => {
    await writeFile(join(dir, '1.eml'), confirmationMail('old@example.com', 'Mon, 23 Nov 2026 09:30:00 +0000'));
    await writeFile(join(dir, '2.eml'), confirmationMail('new@example.com', 'Wed, 25 Nov 2026 09:30:00 +0000'));
    await writeFile(join(dir, '3.eml'), confirmationMail('mid@example.com', 'Tue, 24 Nov 2026 09:30:00 +0000'));
    expect((await readOutbox(dir)).map((l) => l.to)).toEqual(['new@example.com', 'mid@example.com', 'old@example.com']);
  });

  it('a mail without a confirmation link ("someone tried to register") is left out', async () => {
    const tried = confirmationMail('ada@example.com', 'Tue, 24 Nov 2026 09:30:00 +0000', 'If this was you, sign in instead.');
    await writeFile(join(dir, 'tried.eml'), tried);
    expect(await readOutbox(dir)).toEqual([]);
  });

  it('files that are not mail are ignored', async () => {
    await writeFile(join(dir, 'notes.txt'), `http://x/register/${token}`);
    await writeFile(join(dir, 'broken.eml'), '\u0000\u0001 not a mail');
    expect(await readOutbox(dir)).toEqual([]);
  });

  it('no outbox folder yet means no links', async () => {
    expect(await readOutbox(join(dir, 'missing'))).toEqual([]);
  });

  it('a mail without a Date header uses the file time', async () => {
    const raw = confirmationMail('ada@example.com', '').replace('Date: \r\n', '');
    await writeFile(join(dir, 'a.eml'), raw);
    const when = new Date('2026-11-20T08:00:00.000Z');
    await utimes(join(dir, 'a.eml'), when, when);
    expect((await readOutbox(dir))[0]?.sentAt).toBe('2026-11-20T08:00:00.000Z');
  });
});
