import { describe, expect, it } from 'vitest';
import { describeClient } from '../src/auth/client-description.js';

describe('describeClient', () => {
  it.each([
    ['Parley-desktop/1.0.0 (Windows)', 'Parley desktop on Windows'],
    ['Parley-desktop/1.0.0 (macOS)', 'Parley desktop on macOS'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) parley/1.0.0 Chrome/132.0.0.0 Electron/34.0.0 Safari/537.36', 'Parley desktop on Linux'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome on Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on macOS'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari on macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari on iOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
    ['curl/8.5.0', 'curl'],
    ['python-requests/2.31.0', 'Python'],
    ['node', 'Node.js'],
    ['MyBot/1.2 (+https://example.com/bot)', 'MyBot'],
    ['', 'Unknown client'],
    [undefined, 'Unknown client'],
    ['<script>', 'Unknown client'],
  ])('%s → %s', (agent, expected) => {
    expect(describeClient(agent)).toBe(expected);
  });
});
