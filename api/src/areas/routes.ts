import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { listAreasSql } from './repository';
import { areasQuery } from './schema';

/** GET /api/areas, /api/areas/:ref */
export const areasRoutes = (db: Db) =>
  layerRouter(db, { name: 'areas', query: areasQuery, listSql: listAreasSql, extraParams: () => [] });
