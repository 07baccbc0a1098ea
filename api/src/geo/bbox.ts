import { z } from 'zod';
import { SWEREF99TM, WGS84, type Srid } from './crs';
import { AREA_OF_USE_3006_LONLAT, SWEDEN_SWEREF } from './sweden';

export interface Bbox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * The `bbox=minLon,minLat,maxLon,maxLat` query parameter (or metres with crs=3006).
 * Example: `bbox=17.90,59.20,18.00,59.23`.
 */
export const bboxParam = z
  .string({ error: 'must be given once as minX,minY,maxX,maxY' })
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => p.trim());
    const nums = parts.map(Number);
    if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'must be four numbers minX,minY,maxX,maxY' });
      return z.NEVER;
    }
    const [minX, minY, maxX, maxY] = nums;
    if (minX > maxX || minY > maxY) {
      ctx.addIssue({ code: 'custom', message: 'min must not exceed max (minX,minY,maxX,maxY)' });
      return z.NEVER;
    }
    return { minX, minY, maxX, maxY } satisfies Bbox;
  });

/** Checks a bbox against the CRS it is given in: degrees must be degrees. */
export function bboxFitsCrs(b: Bbox, srid: Srid): string | undefined {
  if (srid === WGS84 && (b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90)) {
    return 'bbox: lon/lat out of range (give degrees, or crs=3006 for SWEREF 99 TM metres)';
  }
  if (srid === SWEREF99TM && Math.max(Math.abs(b.minX), Math.abs(b.maxX)) < 1000) {
    return 'bbox: looks like degrees but crs=3006 expects metres';
  }
  return undefined;
}

/**
 * The part of a bbox inside EPSG:3006's area of use (in the bbox's own CRS), or undefined when
 * they do not overlap. Outside it the transverse Mercator of 3006 is meaningless — PostGIS
 * answered `bbox=-100,0,100,90` with an error — and no data can lie there, so
 * `bbox=-180,-90,180,90` means "everything", as a client would expect.
 */
export function clampBbox(b: Bbox, srid: Srid): Bbox | undefined {
  const area = srid === WGS84 ? AREA_OF_USE_3006_LONLAT : SWEDEN_SWEREF;
  const c = { minX: Math.max(b.minX, area.minX), minY: Math.max(b.minY, area.minY), maxX: Math.min(b.maxX, area.maxX), maxY: Math.min(b.maxY, area.maxY) };
  return c.minX <= c.maxX && c.minY <= c.maxY ? c : undefined;
}

/** SQL parameters for a bbox, null when absent: `[minX, minY, maxX, maxY]`. */
export const bboxParams = (b?: Bbox): (number | null)[] => (b ? [b.minX, b.minY, b.maxX, b.maxY] : [null, null, null, null]);
