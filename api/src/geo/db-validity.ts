import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { Srid } from './crs';

const invalidGeometriesSql = sqlFile(__dirname, 'invalid-geometries.sql');

// GEOS says "Self-intersection" / "Ring Self-intersection"; the API has always said it this way.
const phrased = (reason: string) => reason.replace(/^(Ring )?Self-intersection/, 'ring self-intersection');

/**
 * PostGIS's verdict on geometries that passed the structural checks: OGC validity in their
 * own CRS and again after transformation to 3006, inside Sweden, and at most `maxAreaM2`
 * (the layer's size limit, see geo/limits.ts). Index (into `geometries`) → reason, for the
 * rejected ones.
 */
export async function invalidGeometries(
  db: Queryable,
  geometries: unknown[],
  srid: Srid,
  maxAreaM2: number | null = null,
): Promise<Map<number, string>> {
  const { rows } = await db.query(invalidGeometriesSql, [JSON.stringify(geometries), srid, maxAreaM2]);
  return new Map(rows.map((r: { idx: number; reason: string }) => [r.idx, phrased(r.reason)]));
}
