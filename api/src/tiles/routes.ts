import { Router } from 'express';
import { reader, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { parseWith } from '../http/validate';
import { tileFor, tileJson } from './service';
import { TILE_LAYERS, tileParams, type TileLayer } from './schema';

// Clients revalidate every tile (cheap: a 304 after one lookup), so an edit shows at once.
const CACHE_CONTROL = 'public, no-cache';

/**
 * Vector tiles of the polygon layers, outside /api:
 * GET /tiles/{layer}/{z}/{x}/{y}.mvt and GET /tiles/{layer}.json (TileJSON).
 */
export function tilesRoutes(ctx: AppContext): Router {
  // tiles and their revision (ETag) from the same pool: a replica answers consistently with itself
  const db = reader(ctx);
  const router = Router();

  router.get('/tiles/:layer/:z/:x/:y.mvt', async (req, res) => {
    const t = parseWith(tileParams, req.params, 'invalid_tile');
    const answer = await tileFor(db, t, req.get('if-none-match'));
    res.set({ ETag: answer.etag, 'Cache-Control': CACHE_CONTROL });
    if (answer.notModified) {
      res.status(304).end();
      return;
    }
    res.type('application/vnd.mapbox-vector-tile').send(answer.body);
  });

  router.get('/tiles/:layer.json', async (req, res) => {
    const layer = req.params.layer;
    if (!(TILE_LAYERS as readonly string[]).includes(layer)) {
      throw new AppError(400, 'invalid_tile', `layer: must be one of ${TILE_LAYERS.join(', ')}`);
    }
    res.set('Cache-Control', CACHE_CONTROL);
    res.json(await tileJson(db, layer as TileLayer, `${req.protocol}://${req.get('host')}`));
  });

  router.use('/tiles', (req, _res, next) => {
    next(new AppError(404, 'not_found', `No tile endpoint ${req.method} /tiles${req.path}: use /tiles/{layer}/{z}/{x}/{y}.mvt`));
  });
  return router;
}
