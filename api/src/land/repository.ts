import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { Srid } from '../geo/crs';
import type { LayerList } from '../layers/read-query';
import type { LandProperties, LandQuery } from './schema';

export const listLandSql = sqlFile(__dirname, 'list-land.sql');

/** The land list and its filters (GET /api/land, reads by ref). */
export const landList: LayerList<LandQuery> = { listSql: listLandSql, extraParams: (q) => [q.status ?? null, q.ownerType ?? null] };
const upsertLandSql = sqlFile(__dirname, 'upsert-land.sql');
const rederiveAreaRefsSql = sqlFile(__dirname, 'rederive-area-refs.sql');

/** Inserts or updates one parcel by ref; true when inserted. */
export async function upsertLand(db: Queryable, p: LandProperties, geometry: unknown, srid: Srid): Promise<boolean> {
  const { rows } = await db.query(upsertLandSql, [
    p.ref, p.ownerType, p.ownerName ?? null, p.status, p.priceSekPerM2 ?? null, p.areaRef ?? null,
    p.illustrative, p.source ?? null, JSON.stringify(geometry), srid,
  ]);
  return rows[0].inserted;
}

/** After areas change: parcels without an areaRef of their own get the area they overlap most. */
export async function rederiveAreaRefs(db: Queryable): Promise<number> {
  return (await db.query(rederiveAreaRefsSql)).rowCount ?? 0;
}

/** Whether a parcel with this ref exists (cases link sites by ref). */
export async function landExists(db: Queryable, ref: string): Promise<boolean> {
  return (await db.query(sqlFile(__dirname, 'ref-exists.sql'), [ref])).rows[0].found;
}
