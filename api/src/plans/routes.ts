import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { listPlansSql } from './repository';
import { plansQuery } from './schema';
import { zoneEtag } from './write-service';

/** GET /api/plans, /api/plans/:ref (one use zone of a detailed plan per feature) */
export const plansRoutes = (db: Db) =>
  layerRouter(db, {
    name: 'plans',
    query: plansQuery,
    listSql: listPlansSql,
    extraParams: (q) => [q.status ?? null, q.use ?? null, q.planId ?? null],
    etag: zoneEtag,
  });
