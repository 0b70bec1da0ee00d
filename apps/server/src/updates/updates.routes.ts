import express, { Router, type RequestHandler } from 'express';
import { ParleyError } from '@parley/shared';
import type { Settings } from '../env.js';

/**
 * The desktop app's update feed at `/updates/`, when UPDATES_DIR names a folder of
 * electron-builder's output (latest*.yml and the installers they list): the app's generic
 * electron-updater provider reads it. Without UPDATES_DIR there is no such path.
 */
export function updatesRoutes(settings: Pick<Settings, 'updatesDir'>): Router {
  const router = Router();
  const dir = settings.updatesDir;
  if (dir === undefined) return router;
  const serveFiles = express.static(dir, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    fallthrough: true,
    // The feed file says which version is current: always revalidated. Installers are immutable per name.
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.endsWith('.yml') ? 'no-cache' : 'public, max-age=3600'),
  });
  const files: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    res.removeHeader('Cache-Control');
    serveFiles(req, res, () => {
      res.setHeader('Cache-Control', 'no-store');
      next(new ParleyError('not_found', 'There is no such update file.'));
    });
  };
  router.use('/updates', files);
  return router;
}
