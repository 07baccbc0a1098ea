import GJV from 'geojson-validation';
import type { Geometry, Position } from 'geojson';
import { SWEREF99TM, WGS84, type Srid } from './crs';
import { SWEDEN_LONLAT, SWEDEN_SWEREF } from './sweden';
import { shapeProblem } from './geometry-shape';

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

/**
 * What is wrong with an incoming geometry, or undefined when nothing is: structure
 * (nesting, finite numbers and at most `maxVertices` positions first, bounded; then
 * geojson-validation: closed rings, four positions), the allowed types and plausible
 * coordinates for `srid`. Never changes the geometry. The database checks the rest — OGC
 * validity with self-intersections (GEOS, O(n log n), where turf's kinks was quadratic in
 * time and memory), the real Sweden boundary and the layer's size limit — in
 * invalid-geometries.sql.
 */
export function geometryProblem(
  geom: unknown,
  kinds: readonly GeometryKind[],
  srid: Srid,
  { maxVertices = Number.MAX_SAFE_INTEGER }: { maxVertices?: number } = {},
): string | undefined {
  if (geom === null || geom === undefined) return 'geometry is missing';
  if (typeof geom !== 'object' || Array.isArray(geom)) return 'geometry must be a GeoJSON geometry object';
  const type = (geom as { type?: unknown }).type;
  if (!kinds.includes(type as GeometryKind)) {
    return `geometry type ${JSON.stringify(type)} is not allowed here (expected ${kinds.join(' or ')})`;
  }
  const shape = shapeProblem(String(type), (geom as { coordinates?: unknown }).coordinates, maxVertices);
  if (shape) return `invalid ${String(type)}: ${shape}`;
  const trace = GJV.valid(geom, true) as string[];
  if (trace.length > 0) return `invalid ${String(type)}: ${trace.join('; ')}`;
  return boundsProblem(geom as Geometry, srid);
}
