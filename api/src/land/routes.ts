import type { Db } from '../db/pool';
import { layerRouter } from '../layers/layer-router';
import { listLandSql } from './repository';
import { landQuery } from './schema';
import { landEtag } from './write-service';
import { sqlFile } from '../db/sql-file';
import { STAFF_ROLES } from '../auth/middleware';

const ownerNamesSql = sqlFile(__dirname, 'owner-names.sql');

/** GET /api/land, /api/land/:ref */
export const landRoutes = (db: Db) =>
  layerRouter(db, {
    name: 'land',
    query: landQuery,
    listSql: listLandSql,
    extraParams: (q) => [q.status ?? null, q.ownerType ?? null],
    etag: landEtag,
    // The list hides private owners' names (issue 13, defect 11); staff (the editor) see them.
    forReader: async (req, featuresJson) => {
      const u = req.user;
      if (!u || u.status !== 'active' || !STAFF_ROLES.includes(u.role)) return featuresJson;
      const features = JSON.parse(featuresJson) as Array<{ properties: Record<string, unknown> }>;
      const hidden = features.filter((f) => f.properties.ownerName == null).map((f) => f.properties.ref);
      if (hidden.length === 0) return featuresJson;
      const names = new Map((await db.query(ownerNamesSql, [hidden])).rows.map((r) => [r.ref, r.ownerName]));
      for (const f of features) if (names.has(f.properties.ref)) f.properties.ownerName = names.get(f.properties.ref);
      return JSON.stringify(features);
    },
  });
