import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { landList } from './repository';
import { landQuery } from './schema';
import { landEtag } from './write-service';

/** GET /api/land, /api/land/:ref */
export const landRoutes = (db: Db) =>
  layerRouter(db, {
    name: 'land',
    query: landQuery,
    ...landList,
    etag: landEtag,
  });
