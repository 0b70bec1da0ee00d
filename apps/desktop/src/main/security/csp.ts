/**
 * The Content Security Policy of the app's own pages. Scripts only from the app's files (no
 * inline, no eval); the page talks to nothing itself: data arrives over IPC, so `connect-src`
 * is 'none' outside development, where Vite's hot reload needs its websocket.
 */
export function contentSecurityPolicy(options: { devOrigin?: string } = {}): string {
  const dev = options.devOrigin;
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    // Development only: Vite's React refresh needs its inline preamble. Packaged pages never get this.
    'script-src': dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"],
    // Inline styles cannot run code; React and virtual lists position rows with them.
    'style-src': dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'", "'unsafe-inline'"],
    // Pictures in messages load from the server by signed links; the user chooses its origin.
    'img-src': ["'self'", 'data:', 'http:', 'https:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': dev ? [dev, dev.replace(/^http/, 'ws')] : ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
