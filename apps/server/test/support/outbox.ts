import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The confirmation token in the newest mail to `email` in a server's outbox folder. */
export async function linkTokenIn(outbox: string, email: string, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const file of (await readdir(outbox).catch(() => [])).sort().reverse()) {
      // Quoted-printable soft line breaks would cut the link.
      const text = (await readFile(join(outbox, file), 'utf8')).replace(/=\r?\n/g, '');
      if (!text.includes(email)) continue;
      const match = /\/register\/([A-Za-z0-9_-]+)/.exec(text);
      if (match) return match[1]!;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${email} in ${outbox}`);
}
