import GJV from 'geojson-validation';
import { kinks } from '@turf/kinks';
import type { Geometry, Position } from 'geojson';
import { SWEREF99TM, WGS84, type Srid } from './crs';
import { SWEDEN_LONLAT, SWEDEN_SWEREF } from './sweden';

export type GeometryKind = 'Point' | 'Polygon' | 'MultiPolygon';

function positionsOf(geom: Geometry): Position[] {
  switch (geom.type) {
    case 'Point':
      return [geom.coordinates];
    case 'Polygon':
      return geom.coordinates.flat();
    case 'MultiPolygon':
      return geom.coordinates.flat(2);
    default:
      return [];
  }
}

function boundsProblem(geom: Geometry, srid: Srid): string | undefined {
  const b = srid === WGS84 ? SWEDEN_LONLAT : SWEDEN_SWEREF;
  for (const p of positionsOf(geom)) {
    if (p.length !== 2) return `coordinates must be 2D [x, y]; found a position with ${p.length} values`;
    const [x, y] = p;
    if (x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY) continue;
    if (srid === WGS84 && Math.abs(x) > 180) {
      return `coordinate [${x}, ${y}] is not lon/lat: it looks like projected metres (SWEREF 99 TM?); give EPSG:4326 degrees`;
    }
    if (srid === WGS84 && y >= SWEDEN_LONLAT.minX && y <= SWEDEN_LONLAT.maxX && x >= SWEDEN_LONLAT.minY) {
      return `coordinate [${x}, ${y}] looks like [lat, lon]; GeoJSON wants [lon, lat]`;
    }
    if (srid === SWEREF99TM && Math.abs(x) <= 180 && Math.abs(y) <= 90) {
      return `coordinate [${x}, ${y}] looks like degrees, but SWEREF 99 TM metres were expected`;
    }
    const crs = srid === WGS84 ? 'lon/lat' : 'SWEREF 99 TM';
    return `coordinate [${x}, ${y}] is outside Sweden (${crs})`;
  }
  return undefined;
}

function selfIntersection(geom: Geometry): string | undefined {
  if (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') return undefined;
  const polygons = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  for (const [i, rings] of polygons.entries()) {
    const found = kinks({ type: 'Polygon', coordinates: rings });
    if (found.features.length > 0) {
      const [x, y] = found.features[0].geometry.coordinates;
      const where = polygons.length > 1 ? ` in polygon ${i}` : '';
      return `ring self-intersection${where} at [${x}, ${y}]`;
    }
  }
  return undefined;
}

const hasEmpty = (a: unknown[]): boolean => a.length === 0 || a.some((x) => Array.isArray(x) && hasEmpty(x));

/**
 * Empty coordinates (`[]`, a polygon `[[]]`) are valid JSON but no place. Refused by name
 * before any other check: they would otherwise be stored as an empty geometry or trip the
 * structure checks. Example: `emptyCoordinates({ type: 'Polygon', coordinates: [] })` →
 * `'Polygon has empty coordinates'`.
 */
export function emptyCoordinates(geom: unknown): string | undefined {
  const c = (geom as { coordinates?: unknown } | null)?.coordinates;
  if (!Array.isArray(c) || !hasEmpty(c)) return undefined;
  return `${String((geom as { type?: unknown }).type)} has empty coordinates`;
}

/**
 * What is wrong with an incoming geometry, or undefined when nothing is: structure
 * (geojson-validation: closed rings, four positions, numbers), the allowed types, plausible
 * coordinates for `srid`, and self-intersections. Never changes the geometry. The database
 * checks the rest of OGC validity (holes, nesting) with ST_IsValidReason.
 */
export function geometryProblem(geom: unknown, kinds: readonly GeometryKind[], srid: Srid): string | undefined {
  if (geom === null || geom === undefined) return 'geometry is missing';
  if (typeof geom !== 'object' || Array.isArray(geom)) return 'geometry must be a GeoJSON geometry object';
  const type = (geom as { type?: unknown }).type;
  if (!kinds.includes(type as GeometryKind)) {
    return `geometry type ${JSON.stringify(type)} is not allowed here (expected ${kinds.join(' or ')})`;
  }
  const empty = emptyCoordinates(geom);
  if (empty) return empty;
  const trace = GJV.valid(geom, true) as string[];
  if (trace.length > 0) return `invalid ${String(type)}: ${trace.join('; ')}`;
  return boundsProblem(geom as Geometry, srid) ?? selfIntersection(geom as Geometry);
}
