import type { Queryable as Db } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { Collection } from './collections';
import { CRS84, type OgcCrs } from './crs';
import { compileFilter } from './cql2/compile';
import type { ItemsQuery } from './params';

const itemsTemplate = sqlFile(__dirname, 'items.sql');
const extentTemplate = sqlFile(__dirname, 'extent.sql');
/** Fixed parameters of items.sql; filter values follow from $14. */
const FIRST_FILTER_PARAM = 14;

export interface OgcFeature {
  type: 'Feature';
  id: string;
  geometry: unknown;
  properties: Record<string, unknown>;
}

export interface Page {
  matched: number;
  returned: number;
  /** the features as PostGIS wrote them: a JSON array text (sent as is, parsed only for HTML) */
  featuresJson: string;
}

export interface Options {
  /** premises: days after which an unconfirmed listing is stale (as in GET /api/premises) */
  staleAfterDays: number;
}

/** The SQL of one collection's query: the template with its source and compiled filter. */
function statement(c: Collection, where: string): string {
  return itemsTemplate.replaceAll('{{source}}', () => c.source).replaceAll('{{where}}', () => where);
}

/**
 * One page of items: features in `crs` (its axis order), ordered by the record's key, and
 * the number matching the query. Example: `await findItems(db, COLLECTIONS.land, q, o)`.
 */
export async function findItems(db: Db, c: Collection, q: Omit<ItemsQuery, 'format'>, o: Options): Promise<Page> {
  const filter = q.filter ? compileFilter(q.filter, c, q.filterCrs, FIRST_FILTER_PARAM) : { sql: 'true', params: [] };
  const b = q.bbox;
  const dt = c.temporal ? q.datetime : undefined;
  const { rows } = await db.query(statement(c, filter.sql), [
    o.staleAfterDays, q.crs.srid, q.crs.decimals, q.crs.swapAxes,
    ...(b ? [...b.coords, b.crs.srid] : [null, null, null, null, null]),
    dt?.[0] ?? null, dt?.[1] ?? null,
    q.limit, q.offset,
    ...filter.params,
  ]);
  return { matched: rows[0].matched, returned: rows[0].returned, featuresJson: rows[0].features };
}

/** A collection's extent: bbox in CRS84 (null when empty) and its temporal interval. */
export async function findExtent(db: Db, c: Collection, o: Options): Promise<{ bbox: number[] | null; interval: (string | null)[] | null }> {
  const { rows } = await db.query(extentTemplate.replaceAll('{{source}}', () => c.source), [o.staleAfterDays]);
  const r = rows[0];
  const iso = (t: Date | null) => (t ? t.toISOString() : null);
  return {
    bbox: r.xmin === null ? null : [r.xmin, r.ymin, r.xmax, r.ymax],
    interval: c.temporal ? [iso(r.t0), iso(r.t1)] : null,
  };
}

/** One feature by id (the record's `ref`), or undefined. */
export async function findItem(db: Db, c: Collection, id: string, crs: OgcCrs, o: Options): Promise<OgcFeature | undefined> {
  const page = await findItems(db, c, {
    limit: 1, offset: 0, crs, filterCrs: CRS84,
    filter: { op: 'compare', cmp: '=', left: { kind: 'property', name: 'ref' }, right: { kind: 'string', value: id } },
  }, o);
  return (JSON.parse(page.featuresJson) as OgcFeature[])[0];
}
