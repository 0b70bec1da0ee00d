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

/** A name as stored: trimmed first, then 1..max code points. */
export function nameText(max: number) {
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(boundedText(1, max));
}

export const personNameSchema = nameText(limits.nameMaxCodePoints);
export const groupNameSchema = nameText(limits.groupNameMaxCodePoints);

export const passwordSchema = boundedText(limits.passwordMinCodePoints, limits.passwordMaxCodePoints);

/** A chat message, stored exactly as sent: 1..4000 code points, at least one not white space. */
export const messageTextSchema = boundedText(1, limits.messageMaxCodePoints).refine(
  (s) => /\S/u.test(s),
  'must contain something other than white space',
);

export const emailSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email('must be an email address').max(limits.emailMaxLength));
