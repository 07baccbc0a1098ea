import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { listPremisesSql } from './repository';
import { premisesQuery } from './schema';

/** GET /api/premises, /api/premises/:ref */
export const premisesRoutes = (db: Db) =>
  layerRouter(db, {
    name: 'premises',
    query: premisesQuery,
    listSql: listPremisesSql,
    extraParams: (q) => [q.status ?? null, q.kind ?? null, q.use ?? null],
  });
