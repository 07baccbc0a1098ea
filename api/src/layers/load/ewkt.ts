import type { Geometry, Position } from 'geojson';

// JavaScript's shortest round-trip form: PostGIS parses it back to the very same double,
// as ST_GeomFromGeoJSON did for the loader before COPY.
const pos = (p: Position): string => `${p[0]} ${p[1]}`;
const ring = (r: Position[]): string => `(${r.map(pos).join(',')})`;
const polygon = (rings: Position[][]): string => `(${rings.map(ring).join(',')})`;

/**
 * EWKT of a checked Point, Polygon or MultiPolygon, for COPY into a geometry column.
 * Example: `toEwkt({type:'Point', coordinates:[18, 59.2]}, 4326)` → `SRID=4326;POINT(18 59.2)`.
 */
export function toEwkt(g: Geometry, srid: number): string {
  switch (g.type) {
    case 'Point':
      return `SRID=${srid};POINT(${pos(g.coordinates)})`;
    case 'Polygon':
      return `SRID=${srid};POLYGON${polygon(g.coordinates)}`;
    case 'MultiPolygon':
      return `SRID=${srid};MULTIPOLYGON(${g.coordinates.map(polygon).join(',')})`;
    default:
      throw new Error(`geometry type ${g.type} is not loadable`);
  }
}
