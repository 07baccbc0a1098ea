import type { Db } from '../db/pool';
import type { z } from 'zod';
import { layerRouter, type LayerReader } from '../layers/layer-router';
import { landList } from './repository';
import { landQuery } from './schema';
import { landEtag } from './write-service';
import { staffOwnerNames } from './owner-names';

/** The layer's reader, also used by the exports (same filters, same properties). */
export const landReader: LayerReader<z.output<typeof landQuery>> = {
  name: 'land',
  query: landQuery,
  ...landList,
  etag: landEtag,
  forReader: staffOwnerNames, // private owners' names: staff only
};
/** GET /api/land, /api/land/:ref */
export const landRoutes = (db: Db) => layerRouter(db, landReader);
