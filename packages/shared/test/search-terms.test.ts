import { describe, expect, it } from 'vitest';
import { highlightPieces, highlightRanges, searchQuerySchema, searchWords } from '../src/index.js';

describe('search words', () => {
  it('are the runs of letters and digits, lower-cased, once each, at most eight', () => {
    expect(searchWords('Deploy, the DEPLOY box!')).toEqual(['deploy', 'the', 'box']);
    expect(searchWords('naïve café 42')).toEqual(['naïve', 'café', '42']);
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
    expect(searchWords(' %_\\ ')).toEqual([]);
  });

  it('a query needs a word and at most 200 code points', () => {
    expect(searchQuerySchema.safeParse({ q: 'ok' }).success).toBe(true);
    expect(searchQuerySchema.safeParse({ q: '?!' }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: '😀'.repeat(200) }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: `a${'😀'.repeat(199)}` }).success).toBe(true);
    expect(searchQuerySchema.safeParse({ q: 'ok', before: '3.4.i' }).success).toBe(true);
    expect(searchQuerySchema.safeParse({ q: 'ok', before: '3' }).success).toBe(false);
  });
});

describe('highlights', () => {
  it('mark word starts in any case, merged and sorted, in code points', () => {
    expect(highlightRanges('😀 Deploy the deployment', ['deploy'])).toEqual([[2, 8], [13, 19]]);
    expect(highlightRanges('redeploy', ['deploy'])).toEqual([]);
    expect(highlightRanges('redeploy', ['deploy'], 'inside_words')).toEqual([[2, 8]]);
    expect(highlightRanges('ab abc', ['ab', 'abc'])).toEqual([[0, 2], [3, 6]]);
  });

  it('cut the text into pieces that keep every code point', () => {
    const text = '<b>😀 deploy</b>';
    const pieces = highlightPieces(text, highlightRanges(text, ['deploy']));
    expect(pieces).toEqual([
      { text: '<b>😀 ', match: false },
      { text: 'deploy', match: true },
      { text: '</b>', match: false },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(highlightPieces('short', [[3, 99], [120, 130]])).toEqual([{ text: 'sho', match: false }, { text: 'rt', match: true }]);
  });
});
