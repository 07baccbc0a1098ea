import { Router, type Request } from 'express';
import type { ZodType } from 'zod';
import type { Db } from '../db/pool';
import { parseQuery } from '../http/validate';
import { notFound } from '../errors/app-error';
import { checkCommonFilters, featureCollection, listFeatures, readFeature, type CommonFilters, type LayerList } from './read-query';
import { WGS84, type Srid } from '../geo/crs';
import { getQuery } from './get-query';

export interface LayerReader<Q extends CommonFilters> extends LayerList<Q> {
  /** URL segment and name in messages, e.g. 'land'. */
  name: string;
  /** Strict zod schema of the list query (commonQuery plus the layer's enums). */
  query: ZodType<Q>;
  /** The ETag of one feature of an editable layer, from its properties (writes need If-Match). */
  etag?: (properties: Record<string, unknown>) => string;
  /**
   * Completes the features (a JSON array text) for who is reading, e.g. land: staff see
   * private owners' names. Its answers to signed-in readers are `Cache-Control: no-store`.
   */
  forReader?: (db: Db, req: Request, featuresJson: string) => Promise<string>;
}

/** The layer's features as `req`'s reader may see them (LayerReader.forReader). */
async function forReader<Q extends CommonFilters>(db: Db, layer: LayerReader<Q>, req: Request, featuresJson: string): Promise<string> {
  if (!layer.forReader) return featuresJson;
  if (req.user) req.res?.set('Cache-Control', 'no-store');
  return layer.forReader(db, req, featuresJson);
}

/**
 * A layer's FeatureCollection for a request's query (validated, 400 on bad filters), as
 * GET /api/{layer} answers it; the exports use it so they filter exactly as the read API.
 */
export async function listLayer<Q extends CommonFilters>(db: Db, layer: LayerReader<Q>, req: Request): Promise<{ json: string; srid: Srid }> {
  const q = parseQuery(layer.query, req);
  await checkCommonFilters(db, q);
  const srid = q.crs ?? WGS84;
  return { json: featureCollection(await forReader(db, layer, req, await listFeatures(db, layer, q)), srid), srid };
}

/**
 * GET /api/{layer} and GET /api/{layer}/{ref} for one layer: validated filters, features
 * written by PostGIS, 404 for an unknown ref.
 */
export function layerRouter<Q extends CommonFilters>(db: Db, layer: LayerReader<Q>): Router {
  const router = Router();
  router.get(`/${layer.name}`, async (req, res) => {
    res.type('application/geo+json').send((await listLayer(db, layer, req)).json);
  });

  router.get(`/${layer.name}/:ref`, async (req, res) => {
    const q = parseQuery(getQuery, req);
    const read = await readFeature(db, layer, String(req.params.ref), q.crs ?? WGS84);
    if (!read) throw notFound(`No ${layer.name} feature with ref '${req.params.ref}'`);
    const [feature] = JSON.parse(await forReader(db, layer, req, JSON.stringify([read]))) as Array<typeof read>;
    if (layer.etag) res.set('ETag', layer.etag(feature.properties));
    res.type('application/geo+json').json(feature);
  });

  return router;
}
