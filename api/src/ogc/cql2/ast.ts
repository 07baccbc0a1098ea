import { AppError } from '../../errors/app-error';

/** A GeoJSON geometry from a filter literal (WKT and BBOX are turned into this). */
export interface GeometryLiteral {
  type: 'Point' | 'LineString' | 'Polygon' | 'MultiPoint' | 'MultiLineString' | 'MultiPolygon';
  coordinates: unknown;
}

/** A value in a comparison: a queryable, or a literal. */
export type Scalar =
  | { kind: 'property'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: string }
  | { kind: 'timestamp'; value: string };

export type Spatial = { kind: 'property'; name: string } | { kind: 'geometry'; value: GeometryLiteral };

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** The CQL2 subset Etablera implements; both encodings parse to this tree. */
export type Expr =
  | { op: 'and' | 'or'; args: Expr[] }
  | { op: 'not'; arg: Expr }
  | { op: 'literal'; value: boolean }
  | { op: 'compare'; cmp: ComparisonOp; left: Scalar; right: Scalar }
  | { op: 'like'; left: Scalar; pattern: Scalar }
  | { op: 'between'; left: Scalar; low: Scalar; high: Scalar }
  | { op: 'in'; left: Scalar; list: Scalar[] }
  | { op: 'isNull'; arg: Scalar }
  | { op: 's_intersects'; left: Spatial; right: Spatial };

/** Bounds on a filter, so that every request's work stays bounded. */
export const LIMITS = { chars: 8_000, depth: 20, nodes: 500, inList: 500, vertices: 10_000 } as const;

export const filterError = (message: string) => new AppError(400, 'invalid_filter', `filter: ${message}`);

/** Counts nodes and depth of a parsed filter; over the limits → 400. */
export function checkSize(e: Expr): void {
  let nodes = 0;
  const walk = (x: Expr, depth: number): void => {
    if (++nodes > LIMITS.nodes) throw filterError(`more than ${LIMITS.nodes} conditions`);
    if (depth > LIMITS.depth) throw filterError(`nested deeper than ${LIMITS.depth} levels`);
    if (x.op === 'and' || x.op === 'or') x.args.forEach((a) => walk(a, depth + 1));
    else if (x.op === 'not') walk(x.arg, depth + 1);
  };
  walk(e, 1);
}

/** Checks a geometry literal's structure (PostGIS must never see malformed input). */
export function checkGeometry(g: GeometryLiteral): GeometryLiteral {
  let vertices = 0;
  const position = (p: unknown): void => {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3 || p.some((n) => typeof n !== 'number' || !Number.isFinite(n))) {
      throw filterError(`${g.type}: a position must be 2 or 3 numbers`);
    }
    if (++vertices > LIMITS.vertices) throw filterError(`geometry has more than ${LIMITS.vertices} vertices`);
  };
  const list = (a: unknown, min: number, what: string): unknown[] => {
    if (!Array.isArray(a) || a.length < min) throw filterError(`${g.type}: ${what} needs at least ${min} entries`);
    return a;
  };
  const line = (a: unknown) => list(a, 2, 'a line').forEach(position);
  const ring = (a: unknown) => {
    const r = list(a, 4, 'a ring');
    r.forEach(position);
    const [f, l] = [r[0] as number[], r[r.length - 1] as number[]];
    if (f[0] !== l[0] || f[1] !== l[1]) throw filterError(`${g.type}: a ring must be closed`);
  };
  const polygon = (a: unknown) => list(a, 1, 'a polygon').forEach(ring);
  switch (g.type) {
    case 'Point': position(g.coordinates); break;
    case 'MultiPoint': list(g.coordinates, 1, 'a multipoint').forEach(position); break;
    case 'LineString': line(g.coordinates); break;
    case 'MultiLineString': list(g.coordinates, 1, 'a multilinestring').forEach(line); break;
    case 'Polygon': polygon(g.coordinates); break;
    case 'MultiPolygon': list(g.coordinates, 1, 'a multipolygon').forEach(polygon); break;
    default: throw filterError(`geometry type '${String((g as { type: unknown }).type)}' is not supported`);
  }
  return { type: g.type, coordinates: g.coordinates };
}

/** BBOX(minx, miny, maxx, maxy) as a polygon (a 6-number bbox drops its heights). */
export function bboxPolygon(n: number[]): GeometryLiteral {
  if (n.length !== 4 && n.length !== 6) throw filterError('a bbox needs 4 or 6 numbers');
  const [x1, y1, x2, y2] = n.length === 4 ? n : [n[0], n[1], n[3], n[4]];
  if (x1 > x2 || y1 > y2) throw filterError('a bbox must list min before max');
  return { type: 'Polygon', coordinates: [[[x1, y1], [x2, y1], [x2, y2], [x1, y2], [x1, y1]]] };
}
