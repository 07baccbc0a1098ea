import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { Srid } from '../geo/crs';
import type { LayerList } from '../layers/read-query';
import type { PremisesProperties, PremisesQuery } from './schema';

export const listPremisesSql = sqlFile(__dirname, 'list-premises.sql');

/** The premises list and its filters; a listing is `stale` after `staleAfterDays` unconfirmed. */
export const premisesList = (staleAfterDays: number): LayerList<PremisesQuery> => ({
  listSql: listPremisesSql,
  extraParams: (q) => [q.status ?? null, q.kind ?? null, q.use ?? null],
  constantParams: [staleAfterDays],
});
const upsertPremisesSql = sqlFile(__dirname, 'upsert-premises.sql');

/** Inserts or updates one listing by ref (a reload confirms it); true when inserted. */
export async function upsertPremises(db: Queryable, p: PremisesProperties, geometry: unknown, srid: Srid): Promise<boolean> {
  const { rows } = await db.query(upsertPremisesSql, [
    p.ref, p.title, p.kind, p.floorAreaM2, p.rentSekPerM2Year ?? null, p.availableFrom ?? null, p.status,
    p.address ?? null, p.illustrative, p.source ?? null, JSON.stringify(geometry), srid,
  ]);
  return rows[0].inserted;
}

/** Whether a listing with this ref exists (cases link sites by ref). */
export async function premisesExists(db: Queryable, ref: string): Promise<boolean> {
  return (await db.query(sqlFile(__dirname, 'ref-exists.sql'), [ref])).rows[0].found;
}
