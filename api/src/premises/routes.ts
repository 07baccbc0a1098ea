import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { listPremisesSql } from './repository';
import { premisesQuery } from './schema';
import { premisesEtag } from './write-service';

/** GET /api/premises, /api/premises/:ref (`stale` after `staleAfterDays` unconfirmed) */
export const premisesRoutes = (db: Db, staleAfterDays = 90) =>
  layerRouter(db, {
    name: 'premises',
    query: premisesQuery,
    listSql: listPremisesSql,
    extraParams: (q) => [q.status ?? null, q.kind ?? null, q.use ?? null],
    constantParams: [staleAfterDays],
    etag: premisesEtag,
  });
