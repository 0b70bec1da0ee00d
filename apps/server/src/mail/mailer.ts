import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../logger.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes. Tests pass one that keeps what it was given. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

const from = 'Parley <no-reply@parley.invalid>';

export function createSmtpMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

/**
 * Without SMTP each mail becomes a raw MIME file in `outboxDir`; only the file's path is logged,
 * because the mail holds a link that creates an account.
 */
export function createOutboxMailer(outboxDir: string, logger: Logger): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      await mkdir(outboxDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const path = join(outboxDir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      await writeFile(path, info.message, { mode: 0o600 });
      logger.info({ path }, 'mail written to the outbox');
    },
    close: () => transport.close(),
  };
}
