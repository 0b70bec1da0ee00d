import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Undoes quoted-printable: soft line breaks first, then =XX bytes (as UTF-8). */
export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The newest registration link mailed to `email`, read from the server's outbox folder. */
export function registrationLink(dataDir: string, email: string, timeoutMs = 10_000): Promise<string> {
  return mailedLink(dataDir, email, 'register', timeoutMs);
}

/** The newest password reset link mailed to `email`. */
export function passwordResetLink(dataDir: string, email: string, timeoutMs = 10_000): Promise<string> {
  return mailedLink(dataDir, email, 'password_reset', timeoutMs);
}

async function mailedLink(dataDir: string, email: string, route: string, timeoutMs: number): Promise<string> {
  const outbox = join(dataDir, 'outbox');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = (await readdir(outbox).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort().reverse();
    for (const file of files) {
      const mail = decodeQuotedPrintable(await readFile(join(outbox, file), 'utf8'));
      if (!new RegExp(`^To: .*${email.replace(/[.+]/g, '\\$&')}`, 'mi').test(mail)) continue;
      const link = new RegExp(`https?://\\S+/${route}/[A-Za-z0-9_-]+`).exec(mail)?.[0];
      if (link) return link;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${route} mail for ${email} in ${outbox}`);
}
