import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxLink } from '@parley/shared/ipc';
import { simpleParser, type AddressObject } from 'mailparser';

/** `<origin>/register/<token>` (PROTOCOL.md §1) or `<origin>/password_reset/<token>` (§16). */
const registerLink = /https?:\/\/[^\s"'<>]+\/(?:register|password_reset)\/[A-Za-z0-9_-]+/gu;

function addresses(to: AddressObject | AddressObject[] | undefined): string {
  const list = Array.isArray(to) ? to : to ? [to] : [];
  return list.map((entry) => entry.text).join(', ');
}

/** One mail file's confirmation link, decoded properly (quoted-printable soft breaks, base64). */
export async function parseOutboxMail(raw: Buffer, fallbackDate: Date): Promise<OutboxLink | null> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const text = `${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
  const link = text.match(registerLink)?.[0];
  if (!link) return null;
  return { to: addresses(mail.to), link, sentAt: (mail.date ?? fallbackDate).toISOString() };
}

/** Confirmation links the hosted server wrote to `<DATA_DIR>/outbox/*.eml`, newest first. */
export async function readOutbox(outboxDir: string, limit = 50): Promise<OutboxLink[]> {
  let names: string[];
  try {
    names = (await readdir(outboxDir)).filter((name) => name.endsWith('.eml'));
  } catch {
    return []; // no mail written yet
  }
  const links: OutboxLink[] = [];
  for (const name of names) {
    const path = join(outboxDir, name);
    try {
      const [raw, info] = await Promise.all([readFile(path), stat(path)]);
      const link = await parseOutboxMail(raw, info.mtime);
      if (link) links.push(link);
    } catch {
      // a mail still being written or unreadable: skip it, the next look will find it
    }
  }
  return links.sort((a, b) => b.sentAt.localeCompare(a.sentAt)).slice(0, limit);
}
