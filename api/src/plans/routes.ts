import type { Db } from '../db/pool';
import type { z } from 'zod';
import { layerRouter, type LayerReader } from '../layers/layer-router';
import { plansList } from './repository';
import { plansQuery } from './schema';
import { zoneEtag } from './write-service';

/** The layer's reader, also used by the exports (same filters, same properties). */
export const plansReader: LayerReader<z.output<typeof plansQuery>> = {
  name: 'plans',
  query: plansQuery,
  ...plansList,
  etag: zoneEtag,
};
/** GET /api/plans, /api/plans/:ref (one use zone of a detailed plan per feature) */
export const plansRoutes = (db: Db) => layerRouter(db, plansReader);
