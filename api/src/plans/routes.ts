import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { plansList } from './repository';
import { plansQuery } from './schema';
import { zoneEtag } from './write-service';

/** GET /api/plans, /api/plans/:ref (one use zone of a detailed plan per feature) */
export const plansRoutes = (db: Db) =>
  layerRouter(db, {
    name: 'plans',
    query: plansQuery,
    ...plansList,
    etag: zoneEtag,
  });
