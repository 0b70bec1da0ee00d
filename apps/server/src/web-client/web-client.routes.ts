import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { Router, type Request, type RequestHandler } from 'express';
import { ParleyError } from '@parley/shared';
import { sendHtmlPage } from '../http/html-page.js';

/** Only the build's own files run; the socket and the API are on this same origin. */
function contentSecurityPolicy(req: Request): string {
  const host = (req.headers.host ?? '').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The web client's static build at `/app/`, with its index.html for every client-side route.
 * Whether the build exists is checked per request, so building it needs no restart.
 */
export function webClientRoutes(webClientDir: string): Router {
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
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(req));
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
    serveFiles(req, res, () => {
      // A missing asset is a 404; any other path is a client-side route of the single-page app.
      if (extname(req.path) !== '') {
        next(new ParleyError('not_found', 'There is no such file.'));
        return;
      }
      res.sendFile(indexFile);
    });
  };

  router.use('/app', csp, app);
  return router;
}
