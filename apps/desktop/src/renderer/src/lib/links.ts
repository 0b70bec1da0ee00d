export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; url: string };

const urlPattern = /\bhttps?:\/\/[^\s<>"'`]+/giu;
// Punctuation that usually ends the sentence around a link rather than the link itself.
const trailingPunctuation = /[.,;:!?'"»”’]+$/u;

function trimLink(candidate: string): string {
  let link = candidate.replace(trailingPunctuation, '');
  // A closing bracket belongs to the link only when the link opened one ("wiki/Foo_(bar)").
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    while (link.endsWith(close) && count(link, close) > count(link, open)) {
      link = link.slice(0, -1).replace(trailingPunctuation, '');
    }
  }
  return link;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Splits message text into plain text and http(s) links, never into markup. */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index;
    const link = trimLink(match[0]);
    if (!isSafeExternalUrl(link)) continue;
    if (start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, start) });
    segments.push({ kind: 'link', text: link, url: link });
    cursor = start + link.length;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}

/** Only http(s) URLs with a host ever leave the app. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.length > 0;
  } catch {
    return false;
  }
}
