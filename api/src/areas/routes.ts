import type { Db } from '../db/pool';
import type { z } from 'zod';
import { layerRouter, type LayerReader } from '../layers/layer-router';
import { listAreasSql } from './repository';
import { areasQuery } from './schema';

/** The layer's reader, also used by the exports (same filters, same properties). */
export const areasReader: LayerReader<z.output<typeof areasQuery>> = { name: 'areas', query: areasQuery, listSql: listAreasSql, extraParams: () => [] };
/** GET /api/areas, /api/areas/:ref */
export const areasRoutes = (db: Db) => layerRouter(db, areasReader);
