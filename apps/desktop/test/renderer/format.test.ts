import { describe, expect, it } from 'vitest';
import { notSentLabel } from '../../src/renderer/src/lib/format';

describe('a failed message', () => {
  it('shows a reason that already ends with a full stop with only one', () => {
    expect(notSentLabel('Not connected to the server.')).toBe('Not sent: Not connected to the server.');
  });

  it('ends a reason without punctuation with a full stop', () => {
    expect(notSentLabel('Too many messages, slow down')).toBe('Not sent: Too many messages, slow down.');
  });

  it('says just "Not sent." when there is no reason', () => {
    expect(notSentLabel(undefined)).toBe('Not sent.');
  });
});
