import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, linkify } from '../../src/renderer/src/lib/links';

describe('link detection', () => {
  it('finds an https link inside text', () => {
    expect(linkify('see https://example.com/a?b=1 now')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', url: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('leaves sentence punctuation out of the link', () => {
    const links = linkify('Go to http://example.com/x.').filter((s) => s.kind === 'link');
    expect(links.map((s) => s.text)).toEqual(['http://example.com/x']);
  });

  it('keeps a closing parenthesis the link opened', () => {
    const links = linkify('(read https://en.wikipedia.org/wiki/Foo_(bar))').filter((s) => s.kind === 'link');
    expect(links.map((s) => s.text)).toEqual(['https://en.wikipedia.org/wiki/Foo_(bar)']);
  });

  it('does not turn javascript: or markup into links', () => {
    expect(linkify('javascript:alert(1) <b>hi</b>')).toEqual([{ kind: 'text', text: 'javascript:alert(1) <b>hi</b>' }]);
  });

  it('refuses anything but http and https for opening', () => {
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
  });
});
