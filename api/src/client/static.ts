import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import type { AppContext } from '../context';

/**
 * The built map client at `/`, and `/config.json` for it (e.g. the optional external
 * basemap). When the client is not built, `/` says how to build it instead of a bare 404.
 */
export function clientRoutes({ config }: AppContext): Router {
  const router = Router();
  router.get('/config.json', (_req, res) => {
    res.json({ basemapStyleUrl: config.basemapStyleUrl ?? null });
  });
  const index = path.join(config.clientDist, 'index.html');
  if (!fs.existsSync(index)) {
    router.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The map client is not built: run `npm run build:client` (npm start does it).');
    });
    return router;
  }
  // Vite names assets by content hash, so they can be cached for good; pages cannot.
  router.use('/assets', express.static(path.join(config.clientDist, 'assets'), { immutable: true, maxAge: '1y' }));
  router.use(express.static(config.clientDist, { index: 'index.html', maxAge: 0 }));
  return router;
}
