import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { Srid } from '../geo/crs';
import type { AreaProperties } from './schema';

export const listAreasSql = sqlFile(__dirname, 'list-areas.sql');
const upsertAreaSql = sqlFile(__dirname, 'upsert-area.sql');

/** Inserts or updates one area by ref; true when inserted. */
export async function upsertArea(db: Queryable, p: AreaProperties, geometry: unknown, srid: Srid): Promise<boolean> {
  const { rows } = await db.query(upsertAreaSql, [
    p.ref, p.name, p.municipalityCode, p.profile ?? null, p.facts ? JSON.stringify(p.facts) : null,
    p.illustrative, p.source ?? null, JSON.stringify(geometry), srid,
  ]);
  return rows[0].inserted;
}
