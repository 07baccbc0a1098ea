import type { Db } from '../db/pool';
import type { z } from 'zod';
import { layerRouter, type LayerReader } from '../layers/layer-router';
import { listStopsSql } from './repository';
import { stopsQuery } from './schema';

/** The layer's reader, also used by the exports (same filters, same properties). */
export const stopsReader: LayerReader<z.output<typeof stopsQuery>> = {
  name: 'stops',
  query: stopsQuery,
  listSql: listStopsSql,
  extraParams: (q) => [q.mode ?? null, q.planned ?? null],
};
/** GET /api/stops, /api/stops/:ref */
export const stopsRoutes = (db: Db) => layerRouter(db, stopsReader);
