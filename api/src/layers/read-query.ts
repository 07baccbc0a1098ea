import { bboxFitsCrs, bboxParams, clampBbox, type Bbox } from '../geo/bbox';
import { WGS84, type Srid } from '../geo/crs';
import { AppError } from '../errors/app-error';
import type { Queryable } from '../db/pool';
import { checkAreaRefs } from '../areas/service';

/** The query parameters every layer accepts (declared in the contract). */
export { commonQuery } from '../contract/layers';

export interface CommonFilters {
  bbox?: Bbox;
  area?: string;
  crs?: Srid;
}

/**
 * Checks what zod cannot: the bbox fits its CRS and the area ref exists. Clamps `q.bbox` to
 * EPSG:3006's area of use (see clampBbox); a bbox wholly outside it is a 400.
 */
export async function checkCommonFilters(db: Queryable, q: CommonFilters): Promise<void> {
  if (q.bbox) {
    const srid = q.crs ?? WGS84;
    const problem = bboxFitsCrs(q.bbox, srid);
    if (problem) throw new AppError(400, 'invalid_parameter', problem);
    const clamped = clampBbox(q.bbox, srid);
    if (!clamped) throw new AppError(400, 'invalid_parameter', "bbox: lies wholly outside Sweden (EPSG:3006's area of use)");
    q.bbox = clamped;
  }
  await checkAreaRefs(db, q.area, 'area');
}

/** The first seven parameters of every layer's list SQL: srid, bbox (4), area, ref. */
export function commonParams(q: CommonFilters, ref: string | null = null): unknown[] {
  return [q.crs ?? WGS84, ...bboxParams(q.bbox), q.area ?? null, ref];
}

/** Wraps PostGIS-written features in a FeatureCollection, naming the CRS when not 4326. */
export function featureCollection(featuresJson: string, srid: Srid): string {
  const crs = srid === WGS84 ? '' : `"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${srid}"}},`;
  return `{"type":"FeatureCollection",${crs}"features":${featuresJson}}`;
}

/** A Feature as the read API writes it, one element of a layer's list SQL. */
export interface Feature {
  type: 'Feature';
  id: number;
  geometry: unknown;
  properties: Record<string, unknown>;
}

/** How a layer's list SQL is called: commonParams, then the layer's filters, then constants. */
export interface LayerList<Q> {
  /** SQL returning one row `{ features }`: a JSON array text; params: commonParams + extra. */
  listSql: string;
  /** The layer-specific parameters after the common seven (null = no filter). */
  extraParams: (q: Q) => unknown[];
  /** Parameters after the extra ones that are not filters (e.g. a configured period). */
  constantParams?: unknown[];
}

/**
 * The features of a layer matching `q` (and `ref` when given), as the JSON array text
 * PostGIS wrote. The only place a list SQL's parameters are put in order.
 */
export async function listFeatures<Q extends CommonFilters>(db: Queryable, list: LayerList<Q>, q: Q, ref: string | null = null): Promise<string> {
  const { rows } = await db.query(list.listSql, [...commonParams(q, ref), ...list.extraParams(q), ...(list.constantParams ?? [])]);
  return rows[0].features;
}

/**
 * One feature by ref, in `srid`, exactly as the list writes it (the list SQL with the ref as
 * its only filter, so a record reads the same wherever it is read); undefined when unknown.
 * Example: `await readFeature(db, landList, 'huddinge-1:1', WGS84)`.
 */
export async function readFeature<Q extends CommonFilters>(db: Queryable, list: LayerList<Q>, ref: string, srid: Srid): Promise<Feature | undefined> {
  return (JSON.parse(await listFeatures(db, list, { crs: srid } as Q, ref)) as Feature[])[0];
}
