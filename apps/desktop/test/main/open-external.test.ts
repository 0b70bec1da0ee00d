import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../src/main/security/open-external.js';

describe('openExternal URL check', () => {
  it.each(['https://example.com/page?q=1#x', 'http://example.com', 'https://sub.example.co.uk:8443/path'])(
    'an http(s) link opens in the browser: %s',
    (url) => {
      expect(checkExternalUrl(url)).toEqual({ ok: true, url: new URL(url).href });
    },
  );

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['file:///etc/passwd'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['parley://open'],
    ['ms-settings:'],
    ['smb://server/share'],
    ['ftp://example.com/file'],
  ])('a non-http scheme is refused: %s', (url) => {
    expect(checkExternalUrl(url).ok).toBe(false);
  });

  it.each([['https://bank.example@evil.example/'], ['https://user:pass@example.com/'], ['http://:@example.com/']])(
    'a link with credentials in it is refused: %s',
    (url) => {
      expect(checkExternalUrl(url).ok).toBe(false);
    },
  );

  it.each([['java\nscript:alert(1)'], [' https://example.com'], ['https://exa mple.com'], ['https://example.com/\u0000']])(
    'a link with white space or control characters is refused: %j',
    (url) => {
      expect(checkExternalUrl(url).ok).toBe(false);
    },
  );

  it('text that is not a link is refused', () => {
    expect(checkExternalUrl('not a url').ok).toBe(false);
    expect(checkExternalUrl('').ok).toBe(false);
    expect(checkExternalUrl('//example.com').ok).toBe(false);
  });

  it('an overlong link is refused', () => {
    expect(checkExternalUrl(`https://example.com/${'a'.repeat(9000)}`).ok).toBe(false);
  });

  it('the link opened is the normalised one, not the raw text', () => {
    expect(checkExternalUrl('HTTPS://EXAMPLE.com')).toEqual({ ok: true, url: 'https://example.com/' });
  });
});
