import { z } from 'zod';
import { bboxParam, bboxFitsCrs, bboxParams, clampBbox, type Bbox } from '../geo/bbox';
import { parseCrs, WGS84, type Srid } from '../geo/crs';
import { AppError } from '../errors/app-error';
import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';

const areaExistsSql = sqlFile(__dirname, 'area-exists.sql');

/** The query parameters every layer accepts: bbox, area, crs. */
export const commonQuery = {
  bbox: bboxParam.optional(),
  area: z.string({ error: 'must be given once' }).min(1).optional(),
  crs: z
    .string({ error: 'must be given once' })
    .transform((s, ctx) => {
      const srid = parseCrs(s);
      if (!srid) {
        ctx.addIssue({ code: 'custom', message: 'must be 4326 or 3006 (EPSG codes or OGC URIs)' });
        return z.NEVER;
      }
      return srid;
    })
    .optional(),
};

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
  if (q.area) {
    const { rowCount } = await db.query(areaExistsSql, [q.area]);
    if (!rowCount) throw new AppError(400, 'unknown_area', `area: no area with ref '${q.area}'`);
  }
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
