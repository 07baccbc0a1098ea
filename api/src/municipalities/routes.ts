import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { listMunicipalitiesSql } from './repository';
import { municipalitiesQuery } from './schema';

/** GET /api/municipalities, /api/municipalities/:kommunkod — boundaries for the basemap */
export const municipalitiesRoutes = (db: Db) =>
  layerRouter(db, {
    name: 'municipalities',
    query: municipalitiesQuery,
    listSql: listMunicipalitiesSql,
    extraParams: (q) => [q.relation ?? null],
  });
