import type { Db } from '../db/pool';
import type { z } from 'zod';
import { layerRouter, type LayerReader } from '../layers/layer-router';
import { premisesList } from './repository';
import { premisesQuery } from './schema';
import { premisesEtag } from './write-service';

/** The layer's reader, also used by the exports (same filters, same properties). */
export const premisesReader = (staleAfterDays = 90): LayerReader<z.output<typeof premisesQuery>> => ({
  name: 'premises',
  query: premisesQuery,
  ...premisesList(staleAfterDays),
  etag: premisesEtag,
});
/** GET /api/premises, /api/premises/:ref (`stale` after `staleAfterDays` unconfirmed) */
export const premisesRoutes = (db: Db, staleAfterDays = 90) => layerRouter(db, premisesReader(staleAfterDays));
