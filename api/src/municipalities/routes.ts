import type { Db } from '../db/pool';
import type { z } from 'zod';
import { layerRouter, type LayerReader } from '../layers/layer-router';
import { listMunicipalitiesSql } from './repository';
import { municipalitiesQuery } from './schema';

/** The layer's reader, also used by the exports (same filters, same properties). */
export const municipalitiesReader: LayerReader<z.output<typeof municipalitiesQuery>> = {
  name: 'municipalities',
  query: municipalitiesQuery,
  listSql: listMunicipalitiesSql,
  extraParams: (q) => [q.relation ?? null],
};
/** GET /api/municipalities, /api/municipalities/:kommunkod — boundaries for the basemap */
export const municipalitiesRoutes = (db: Db) => layerRouter(db, municipalitiesReader);
