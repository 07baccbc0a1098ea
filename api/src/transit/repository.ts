import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { Srid } from '../geo/crs';
import type { StopProperties } from './schema';

export const listStopsSql = sqlFile(__dirname, 'list-stops.sql');
const upsertStopSql = sqlFile(__dirname, 'upsert-stop.sql');

/** Inserts or updates one stop by ref; true when inserted. */
export async function upsertStop(db: Queryable, p: StopProperties, geometry: unknown, srid: Srid): Promise<boolean> {
  const { rows } = await db.query(upsertStopSql, [
    p.ref, p.name, p.mode, p.planned, p.openingYear ?? null, p.sourceId ?? null, p.municipalityCode ?? null,
    p.illustrative, p.source ?? null, JSON.stringify(geometry), srid, p.departuresPerHour ?? null,
  ]);
  return rows[0].inserted;
}
