import { Writable } from 'node:stream';
import type { Bot, BotRequest } from '../../src/bot/bot.js';
import type { Clock } from '../../src/clock.js';
import type { Mail, Mailer } from '../../src/mail/mailer.js';

/** Keeps every mail, so a test can read the confirmation link a user would click. */
export class CapturingMailer implements Mailer {
  readonly sent: Mail[] = [];

  send(mail: Mail): Promise<void> {
    this.sent.push(mail);
    return Promise.resolve();
  }

  close(): void {}

  mailsTo(address: string): Mail[] {
    return this.sent.filter((mail) => mail.to === address.toLowerCase());
  }

  /** The token of the newest confirmation link sent to `address`. */
  linkTokenFor(address: string): string {
    const mails = this.mailsTo(address);
    for (let i = mails.length - 1; i >= 0; i--) {
      const match = /\/register\/([A-Za-z0-9_-]+)/.exec(mails[i]!.text);
      if (match) return match[1]!;
    }
    throw new Error(`no confirmation link was sent to ${address}`);
  }

  /**
   * The token of the newest password reset link sent to `address`, waiting for it: the server
   * answers `POST /password_reset` before it mails the link.
   */
  async resetTokenFor(address: string, after = 0, timeoutMs = 5_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = this.mailsTo(address).slice(after);
      for (let i = mails.length - 1; i >= 0; i--) {
        const match = /\/password_reset\/([A-Za-z0-9_-]+)/.exec(mails[i]!.text);
        if (match) return match[1]!;
      }
      if (Date.now() > deadline) throw new Error(`no password reset link was sent to ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** A clock a test can move forward. */
export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** A bot that answers "echo: <text>" and remembers what it was asked. */
export class FakeBot implements Bot {
  readonly requests: BotRequest[] = [];

  reply(request: BotRequest): Promise<string> {
    this.requests.push(request);
    return Promise.resolve(`echo: ${request.text}`);
  }
}

/** Every log line the server writes, as raw JSON text. */
export class LogSink extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.lines.push(chunk.toString());
    callback();
  }

  get text(): string {
    return this.lines.join('');
  }
}
