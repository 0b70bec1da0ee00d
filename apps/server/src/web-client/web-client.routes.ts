import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { Router, type Request, type RequestHandler } from 'express';
import { ParleyError } from '@parley/shared';
import type { Settings } from '../env.js';
import { sendHtmlPage } from '../http/html-page.js';

/**
 * Where the page's socket may connect: PUBLIC_URL's host and port, and the Host the request came
 * with, port included. A proxy that forwards `Host: $host` drops the port the browser used, so
 * the Host alone (and 'self', which some browsers do not extend to ws:) can miss the real origin.
 */
function socketSources(req: Request, publicUrl: string): string[] {
  const published = new URL(publicUrl);
  const sources = [`${published.protocol === 'https:' ? 'wss' : 'ws'}://${published.host}`];
  const host = (req.headers.host ?? '').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  if (host) sources.push(`ws://${host}`, `wss://${host}`);
  return [...new Set(sources)];
}

/** Only the build's own files run; the socket and the API are on this same origin. */
function contentSecurityPolicy(req: Request, publicUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...socketSources(req, publicUrl)].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The web client's static build at `/app/`, with its index.html for every client-side route.
 * Whether the build exists is checked per request, so building it needs no restart. PUBLIC_URL
 * is read per request too: with PORT=0 it is only known once the server listens.
 */
export function webClientRoutes(settings: Pick<Settings, 'webClientDir' | 'publicUrl'>): Router {
  const { webClientDir } = settings;
  const router = Router();
  const indexFile = join(webClientDir, 'index.html');
  const serveFiles = express.static(webClientDir, { index: 'index.html', fallthrough: true, redirect: false });

  router.get('/', (_req, res) => res.redirect(302, '/app/'));
  // Routing is not strict, so '/app' also matches '/app/': only the bare one is redirected.
  router.get('/app', (req, res, next) => {
    if (req.originalUrl.split('?')[0] === '/app') res.redirect(301, '/app/');
    else next();
  });

  const csp: RequestHandler = (req, res, next) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(req, settings.publicUrl));
    next();
  };

  const app: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    if (!existsSync(indexFile)) {
      sendHtmlPage(res, 503, 'The web client is not built', [
        'Build it with <code>npm run build:web -w @parley/desktop</code>, then reload this page.',
      ]);
      return;
    }
    // The build's files may be cached (they revalidate by ETag); the answers around them may not.
    res.removeHeader('Cache-Control');
    serveFiles(req, res, () => {
      // A missing asset is a 404; any other path is a client-side route of the single-page app.
      if (extname(req.path) !== '') {
        res.setHeader('Cache-Control', 'no-store');
        next(new ParleyError('not_found', 'There is no such file.'));
        return;
      }
      res.sendFile(indexFile);
    });
  };

  router.use('/app', csp, app);
  return router;
}
