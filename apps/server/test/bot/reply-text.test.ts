import { describe, expect, it } from 'vitest';
import { codePointLength, limits } from '@parley/shared';
import { cutToCodePoints, finishReply } from '../../src/bot/builtin/reply-text.js';

describe('replies are cut safely', () => {
  it('a short text is left as it is', () => {
    expect(cutToCodePoints('hello', 5)).toBe('hello');
  });

  it('a long text is cut to the limit and ends with an ellipsis', () => {
    expect(cutToCodePoints('abcdefghij', 5)).toBe('abcd…');
  });

  it('the limit counts code points, not UTF-16 units', () => {
    const text = '😀'.repeat(5);
    expect(cutToCodePoints(text, 5)).toBe(text);
  });

  it('a cut never splits an emoji sequence', () => {
    // Each 👩‍💻 is three code points: woman, zero-width joiner, laptop.
    const cut = cutToCodePoints('👩‍💻'.repeat(10), 8);
    expect(cut).toBe('👩‍💻👩‍💻…');
  });

  it('a reply is at most the message limit in code points', () => {
    const reply = finishReply('𝔸'.repeat(limits.messageMaxCodePoints + 10));
    expect(codePointLength(reply)).toBe(limits.messageMaxCodePoints);
    expect(reply.endsWith('…')).toBe(true);
  });

  it('a reply loses NUL characters and lone surrogates', () => {
    expect(finishReply('a\u0000b\ud800c')).toBe('abc');
  });
});
