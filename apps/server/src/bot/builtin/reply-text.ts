import { codePointLength, limits } from '@parley/shared';

const ellipsis = '…';
// NUL and lone surrogates are refused by the protocol, and a model's JSON can carry either.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this removes
const unsendable = /[\u0000\p{Cs}]/gu;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * At most `max` code points, ending in `…` when cut. Cuts between grapheme clusters so an emoji,
 * a flag or an accented letter is never split in half.
 */
export function cutToCodePoints(text: string, max: number): string {
  if (codePointLength(text) <= max) return text;
  const budget = Math.max(0, max - 1);
  let kept = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = codePointLength(segment);
    if (used + size > budget) break;
    kept += segment;
    used += size;
  }
  return kept.trimEnd() + ellipsis;
}

/** One line: newlines and runs of spaces folded, then cut. For quoting a message inside a list. */
export function oneLine(text: string, max: number): string {
  return cutToCodePoints(text.replace(/\s+/g, ' ').trim(), max);
}

/** What every reply goes through last: sendable characters only, within the message limit. */
export function finishReply(text: string): string {
  return cutToCodePoints(text.replace(unsendable, '').trim(), limits.messageMaxCodePoints);
}

/** The name to greet someone by; a blank first name must not produce "Hello !". */
export function callName(user: { first_name: string; last_name: string }): string {
  return user.first_name.trim() || user.last_name.trim() || 'there';
}

export function fullName(user: { first_name: string; last_name: string }): string {
  return `${user.first_name} ${user.last_name}`.trim() || 'someone';
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Bulleted lines, at most `max` of them, with a closing "…and N more" so a large workspace gives
 * a readable reply instead of one cut mid-line by the message limit.
 */
export function bulletList(lines: string[], max: number): string {
  const shown = lines.slice(0, max).map((line) => `• ${line}`);
  if (lines.length > max) shown.push(`…and ${lines.length - max} more`);
  return shown.join('\n');
}
