/**
 * How a search query is read, shared by the server (which matches and highlights) and the
 * clients (which may highlight the same words). A query is its words: runs of letters, marks and
 * digits; punctuation and spaces separate them, as in Slack's and Zulip's search boxes.
 */
export const searchLimits = {
  queryMaxCodePoints: 200,
  /** Words beyond this many are ignored: each is one more index condition. */
  maxWords: 8,
  wordMaxCodePoints: 64,
  /**
   * Words match the start of a word of the message (the full-text index); when that finds
   * nothing, a word this long or longer is looked for inside words too (the trigram index: a
   * shorter one has no trigram to look up).
   */
  infixMinCodePoints: 3,
  pageSize: 20,
} as const;

const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;

/** The query's distinct words, lower-cased, at most `maxWords`, each cut to `wordMaxCodePoints`. */
export function searchWords(query: string): string[] {
  const words: string[] = [];
  for (const match of query.matchAll(wordPattern)) {
    const word = Array.from(match[0].toLowerCase()).slice(0, searchLimits.wordMaxCodePoints).join('');
    if (!words.includes(word)) words.push(word);
    if (words.length === searchLimits.maxWords) break;
  }
  return words;
}

function isWordCodePoint(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{M}\p{N}]/u.test(char);
}

/** How the words of a search were matched: at the start of words, or (a fallback) inside them too. */
export type SearchMatch = 'word_start' | 'inside_words';

/** Whether a word can be looked for inside words (`inside_words`): long enough to have a trigram. */
export function matchesInsideWords(word: string, match: SearchMatch): boolean {
  return match === 'inside_words' && Array.from(word).length >= searchLimits.infixMinCodePoints;
}

/**
 * Where the words occur in `text`, as sorted, merged `[start, end)` ranges in code points, at the
 * start of a word or, for `inside_words`, a long one anywhere; compared case-insensitively code
 * point by code point (so the offsets stay those of the text as stored).
 */
export function highlightRanges(text: string, words: string[], match: SearchMatch = 'word_start'): [number, number][] {
  const chars = Array.from(text);
  const lower = chars.map((c) => c.toLowerCase());
  const ranges: [number, number][] = [];
  for (const word of words) {
    const target = Array.from(word).map((c) => c.toLowerCase());
    if (target.length === 0) continue;
    const anywhere = matchesInsideWords(word, match);
    for (let at = 0; at + target.length <= lower.length; at++) {
      if (!anywhere && isWordCodePoint(chars[at - 1])) continue;
      let matches = true;
      for (let i = 0; i < target.length && matches; i++) matches = lower[at + i] === target[i];
      if (matches) ranges.push([at, at + target.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Splits `text` into plain and matched pieces by `ranges` (code points): what a client renders. */
export function highlightPieces(text: string, ranges: readonly (readonly [number, number])[]): { text: string; match: boolean }[] {
  const chars = Array.from(text);
  const pieces: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    const from = Math.max(at, Math.min(start, chars.length));
    const to = Math.max(from, Math.min(end, chars.length));
    if (from > at) pieces.push({ text: chars.slice(at, from).join(''), match: false });
    if (to > from) pieces.push({ text: chars.slice(from, to).join(''), match: true });
    at = to;
  }
  if (at < chars.length) pieces.push({ text: chars.slice(at).join(''), match: false });
  return pieces;
}
