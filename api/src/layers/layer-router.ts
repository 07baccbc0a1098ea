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
}

/**
 * A layer's FeatureCollection for a request's query (validated, 400 on bad filters), as
 * GET /api/{layer} answers it; the exports use it so they filter exactly as the read API.
 */
export async function listLayer<Q extends CommonFilters>(db: Db, layer: LayerReader<Q>, req: Request): Promise<{ json: string; srid: Srid }> {
  const q = parseQuery(layer.query, req);
  await checkCommonFilters(db, q);
  const srid = q.crs ?? WGS84;
  return { json: featureCollection(await listFeatures(db, layer, q), srid), srid };
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
    const feature = await readFeature(db, layer, String(req.params.ref), q.crs ?? WGS84);
    if (!feature) throw notFound(`No ${layer.name} feature with ref '${req.params.ref}'`);
    if (layer.etag) res.set('ETag', layer.etag(feature.properties));
    res.type('application/geo+json').json(feature);
  });

  return router;
}
