import { z } from 'zod';
import { limits } from '../limits.js';

/** Length in Unicode code points, the only length the protocol knows. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// In a `u` regex a well-formed surrogate pair is one code point, so \p{Cs} only meets lone halves.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const forbiddenCharacters = /[\u0000\p{Cs}]/u;

/** Text the protocol accepts at all: no NUL, no lone surrogate. Never altered, only refused. */
export const cleanText = z
  .string()
  .refine((s) => !forbiddenCharacters.test(s), 'must not contain NUL or a lone surrogate');

function boundedText(min: number, max: number) {
  return cleanText
    .refine((s) => codePointLength(s) >= min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .refine((s) => codePointLength(s) <= max, `must be at most ${max} characters`);
}

/**
 * Code points a screen shows as nothing: controls (\p{Cc}), format characters (\p{Cf}: bidi
 * overrides, zero-width space and joiners, U+FEFF), the line and paragraph separators, the
 * default-ignorable ones (variation selectors, Hangul fillers, the combining grapheme joiner) and
 * the blank braille pattern, which is a letter to Unicode and empty to the eye. A name may still
 * hold U+FE0E/U+FE0F: they choose how the emoji before them looks ("❤️"), and that shows.
 */
const invisibleInName = /(?![\uFE0E\uFE0F])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/u;
const visible = /[^\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** True when the text shows something: a code point that is neither white space nor invisible. */
export function hasVisibleText(text: string): boolean {
  return visible.test(text);
}

/**
 * A name as stored: trimmed first, then 1..max code points, none of them invisible, so two
 * people (or two groups) cannot differ only by what the screen does not show.
 */
export function nameText(max: number) {
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(
      boundedText(1, max).refine(
        (s) => !invisibleInName.test(s),
        'must not contain control or invisible characters (such as zero-width spaces or bidi overrides)',
      ),
    );
}

export const personNameSchema = nameText(limits.nameMaxCodePoints);
export const groupNameSchema = nameText(limits.groupNameMaxCodePoints);

export const passwordSchema = boundedText(limits.passwordMinCodePoints, limits.passwordMaxCodePoints);

/**
 * A chat message, stored and delivered exactly as sent (never trimmed or normalised): 1..4000
 * code points, at least one of them visible.
 */
export const messageTextSchema = boundedText(1, limits.messageMaxCodePoints).refine(
  hasVisibleText,
  'must contain something other than white space and invisible characters',
);

export const emailSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email('must be an email address').max(limits.emailMaxLength));
