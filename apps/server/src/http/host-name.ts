/** A Host header (or an ALLOWED_HOSTS entry): a host name or IP literal and an optional port. */
const hostPattern = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~%!$&'()*+,;=-]+)(?::\d{0,5})?$/;

/**
 * The host name a Host header names, without its port, in the URL standard's form (lower case,
 * IPv4 in dotted decimal, IPv6 compressed in brackets, no trailing dot), so that two spellings of
 * one name compare equal. Null when it is no host at all.
 */
export function hostNameOf(host: string): string | null {
  if (!hostPattern.test(host)) return null;
  try {
    const name = new URL(`http://${host}`).hostname;
    return name.endsWith('.') ? name.slice(0, -1) : name;
  } catch {
    return null;
  }
}
