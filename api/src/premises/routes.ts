import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { premisesList } from './repository';
import { premisesQuery } from './schema';
import { premisesEtag } from './write-service';

/** GET /api/premises, /api/premises/:ref (`stale` after `staleAfterDays` unconfirmed) */
export const premisesRoutes = (db: Db, staleAfterDays = 90) =>
  layerRouter(db, {
    name: 'premises',
    query: premisesQuery,
    ...premisesList(staleAfterDays),
    etag: premisesEtag,
  });
