import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { listStopsSql } from './repository';
import { stopsQuery } from './schema';

/** GET /api/stops, /api/stops/:ref */
export const stopsRoutes = (db: Db) =>
  layerRouter(db, {
    name: 'stops',
    query: stopsQuery,
    listSql: listStopsSql,
    extraParams: (q) => [q.mode ?? null, q.planned ?? null],
  });
