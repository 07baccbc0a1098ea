import { Router, type RequestHandler } from 'express';
import { reader, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { parseWith } from '../http/validate';
import { tileRevisions } from './revision-cache';
import { etagMatches, layerEtag, tileFor, tileJson } from './service';
import { TILE_LAYERS, tileParams, type TileLayer } from './schema';

// Clients revalidate every tile (cheap: a 304 from the in-memory revision), so an edit shows at once.
const CACHE_CONTROL = 'public, no-cache';

/**
 * Vector tiles of the polygon layers, outside /api:
 * GET /tiles/{layer}/{z}/{x}/{y}.mvt and GET /tiles/{layer}.json (TileJSON).
 */
export function tilesRoutes(ctx: AppContext): Router {
  // tiles and their revision (ETag) from the same pool: a replica answers consistently with itself
  const db = reader(ctx);
  const revisions = tileRevisions(ctx);
  const router = Router();

  router.get('/tiles/:layer/:z/:x/:y.mvt', async (req, res) => {
    const t = parseWith(tileParams, req.params, 'invalid_tile');
    const answer = await tileFor(db, revisions, t, req.get('if-none-match'));
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

const TILE_PATH = /^\/tiles\/([a-z]+)\/([^/]+)\/([^/]+)\/([^/]+)\.mvt$/;

/**
 * The revalidation of a tile whose ETag is current, answered from the in-memory revision
 * before the request logger and the routers: it is most of a map's traffic (every tile of
 * every pan and zoom is revalidated, `no-cache`), carries no data and touches nothing, and at
 * thousands a second the per-request logger and router walk cost more than the answer. The
 * security headers are set before it (app.ts), the deadline too. Not logged, like
 * /api/health; a 200, any error and every write still are. Anything else (no If-None-Match,
 * a stale ETag, no trusted revision in memory, a malformed path) goes on to the full route.
 */
export function tileRevalidation(ctx: AppContext): RequestHandler {
  const revisions = tileRevisions(ctx);
  return (req, res, next) => {
    const ifNoneMatch = req.headers['if-none-match'];
    if (!ifNoneMatch || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const m = TILE_PATH.exec(req.path);
    if (!m) return next();
    const t = tileParams.safeParse({ layer: m[1], z: m[2], x: m[3], y: m[4] });
    const current = t.success ? revisions.peek(t.data.layer) : undefined;
    if (!t.success || !current) return next();
    const etag = layerEtag(t.data.layer, current.revision, current.changedMs);
    if (!etagMatches(ifNoneMatch, etag)) return next();
    res.set({ ETag: etag, 'Cache-Control': CACHE_CONTROL });
    res.status(304).end();
  };
}
