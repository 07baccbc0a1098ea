import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { listLandSql } from './repository';
import { landQuery } from './schema';
import { landEtag } from './write-service';
import { staffOwnerNames } from './owner-names';

/** GET /api/land, /api/land/:ref */
export const landRoutes = (db: Db) =>
  layerRouter(db, {
    name: 'land',
    query: landQuery,
    listSql: listLandSql,
    extraParams: (q) => [q.status ?? null, q.ownerType ?? null],
    etag: landEtag,
    forReader: staffOwnerNames(db), // private owners' names: staff only
  });
