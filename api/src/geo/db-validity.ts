import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { Srid } from './crs';

const invalidGeometriesSql = sqlFile(__dirname, 'invalid-geometries.sql');

/**
 * PostGIS's verdict on geometries that passed the structural checks, in their own CRS and
 * again after transformation to 3006: index (into `geometries`) → reason, for the invalid ones.
 */
export async function invalidGeometries(db: Queryable, geometries: unknown[], srid: Srid): Promise<Map<number, string>> {
  const { rows } = await db.query(invalidGeometriesSql, [JSON.stringify(geometries), srid]);
  return new Map(rows.map((r: { idx: number; reason: string }) => [r.idx, r.reason]));
}
