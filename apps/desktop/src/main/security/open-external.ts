/**
 * Which links may leave the app for the system browser. Only plain http(s) URLs with a host and
 * no embedded credentials: `javascript:`, `file:`, `data:` and custom schemes could run code or
 * open local files, and `https://bank.example@evil.example` shows one host while going to another.
 */
export function checkExternalUrl(raw: string): { ok: true; url: string } | { ok: false; reason: string } {
  if (raw.length > 8192) return { ok: false, reason: 'The link is too long.' };
  // A control character or white space inside a link is never in a real one and can hide a scheme.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\u0000-\u001f\u007f\s]/u.test(raw)) return { ok: false, reason: 'The link contains spaces or control characters.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'That is not a link.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'Only http and https links open outside Parley.' };
  }
  // The parser drops an empty `user:@`, so look at the authority as written too.
  const authority = raw.replace(/^[a-z][a-z0-9+.-]*:[/\\]*/iu, '').split(/[/\\?#]/u)[0] ?? '';
  if (url.username !== '' || url.password !== '' || authority.includes('@')) {
    return { ok: false, reason: 'Links with a user name or password in them are not opened.' };
  }
  if (url.hostname === '') return { ok: false, reason: 'The link has no host.' };
  return { ok: true, url: url.href };
}
