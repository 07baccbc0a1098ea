import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { Srid } from '../geo/crs';
import type { MunicipalityProperties } from './schema';

export const listMunicipalitiesSql = sqlFile(__dirname, 'list-municipalities.sql');
const upsertMunicipalitySql = sqlFile(__dirname, 'upsert-municipality.sql');

/** Inserts or updates one municipal boundary by kommunkod; true when inserted. */
export async function upsertMunicipality(db: Queryable, p: MunicipalityProperties, geometry: unknown, srid: Srid): Promise<boolean> {
  const { rows } = await db.query(upsertMunicipalitySql, [
    p.ref, p.name, p.neighbours, p.relation, p.source ?? null, JSON.stringify(geometry), srid,
  ]);
  return rows[0].inserted;
}
