import type { Request } from 'express';
import { AppError } from '../errors/app-error';
import type { Collection } from './collections';
import { CRS84, findCrs, SUPPORTED_CRS, type OgcCrs } from './crs';
import { parseCql2Text } from './cql2/text';
import { parseCql2Json } from './cql2/json';
import type { Expr, Scalar } from './cql2/ast';

/** Paging bounds: Part 1's default page, and the most one request may ask for. */
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 10_000;
/** Deepest offset served: beyond it a client should narrow the query (bbox, filter). */
export const MAX_OFFSET = 10_000_000;

export type Format = 'json' | 'html';

const bad = (message: string) => new AppError(400, 'invalid_parameter', message);

/** The one value of a query parameter; a repeated parameter is a client mistake. */
function single(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw bad(`${name}: must be given once`);
  return v;
}

/** Rejects parameters outside `allowed` (400 naming them), as the JSON API does. */
export function allowOnly(req: Request, allowed: readonly string[]): void {
  const unknown = Object.keys(req.query).filter((k) => !allowed.includes(k));
  if (unknown.length) throw bad(`unknown parameter(s) ${unknown.map((k) => `'${k}'`).join(', ')}`);
}

/**
 * The encoding: `f=json|html`, else the Accept header (a browser asking for text/html gets
 * HTML; everything else, including GDAL and QGIS, GeoJSON/JSON).
 */
export function format(req: Request): Format {
  const f = single(req, 'f');
  if (f !== undefined) {
    if (f !== 'json' && f !== 'html') throw bad("f: must be 'json' or 'html'");
    return f;
  }
  return req.accepts(['application/geo+json', 'application/json', 'text/html']) === 'text/html' ? 'html' : 'json';
}

function crsParam(req: Request, name: string): OgcCrs | undefined {
  const v = single(req, name);
  if (v === undefined) return undefined;
  const crs = findCrs(v);
  if (!crs) throw bad(`${name}: '${v}' is not offered; use one of ${SUPPORTED_CRS.map((c) => c.uri).join(', ')}`);
  return crs;
}

function integer(req: Request, name: string, min: number, max: number): number | undefined {
  const v = single(req, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw bad(`${name}: must be a whole number`);
  const n = Number(v);
  if (n < min || n > max) throw bad(`${name}: must be between ${min} and ${max}`);
  return n;
}

export interface Bbox4 {
  /** x/y (PostGIS) order, in `crs` */
  coords: [number, number, number, number];
  crs: OgcCrs;
}

function bbox(req: Request, crs: OgcCrs): Bbox4 | undefined {
  const v = single(req, 'bbox');
  if (v === undefined) return undefined;
  const parts = v.split(',');
  const n = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if ((n.length !== 4 && n.length !== 6) || n.some((x) => !Number.isFinite(x))) throw bad('bbox: must be 4 (or 6) numbers');
  // 6 numbers: the heights are dropped (the data is 2D)
  const [a, b, c, d] = n.length === 4 ? n : [n[0], n[1], n[3], n[4]];
  if (b > d) throw bad('bbox: the second axis minimum is larger than its maximum');
  if (a > c) throw bad('bbox: the first axis minimum is larger than its maximum (boxes across the antimeridian are not supported)');
  const [x1, y1, x2, y2] = crs.swapAxes ? [b, a, d, c] : [a, b, c, d];
  if (crs.srid === 4326 && (x1 < -180 || x2 > 180 || y1 < -90 || y2 > 90)) throw bad('bbox: degrees out of range for the bbox-crs');
  if (crs.srid === 3006 && Math.max(Math.abs(x1), Math.abs(x2), Math.abs(y1), Math.abs(y2)) < 1000) {
    throw bad('bbox: looks like degrees but bbox-crs is EPSG:3006 (metres, northing first)');
  }
  return { coords: [x1, y1, x2, y2], crs };
}

/** `datetime`: an instant or an interval `a/b` with `..` or empty for an open end (RFC 3339). */
export function datetime(req: Request): [string | null, string | null] | undefined {
  const v = single(req, 'datetime');
  if (v === undefined) return undefined;
  const instant = (s: string, end: boolean): string | null => {
    if (s === '..' || s === '') return null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))) return end ? `${s}T23:59:59.999Z` : `${s}T00:00:00Z`;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s))) return s;
    throw bad(`datetime: '${s}' is not an RFC 3339 date or date-time`);
  };
  const parts = v.split('/');
  if (parts.length === 1) {
    if (parts[0] === '..' || parts[0] === '') throw bad('datetime: an instant cannot be open');
    return [instant(parts[0], false), instant(parts[0], true)];
  }
  if (parts.length !== 2 || (parts[0] === '..' || parts[0] === '') && (parts[1] === '..' || parts[1] === '')) {
    throw bad("datetime: must be an instant or an interval 'start/end' with at most one open end");
  }
  const r: [string | null, string | null] = [instant(parts[0], false), instant(parts[1], true)];
  if (r[0] && r[1] && Date.parse(r[0]) > Date.parse(r[1])) throw bad('datetime: the interval ends before it starts');
  return r;
}

/** Part 3 queryables as query parameters: `?status=available` is `status = 'available'`. */
function queryableParams(req: Request, c: Collection): Expr[] {
  return Object.keys(c.queryables)
    .filter((name) => req.query[name] !== undefined)
    .map((name) => {
      const raw = single(req, name)!;
      const type = c.queryables[name].type;
      let right: Scalar;
      if (type === 'number' || type === 'integer') {
        if (raw.trim() === '' || !Number.isFinite(Number(raw))) throw bad(`${name}: must be a number`);
        right = { kind: 'number', value: Number(raw) };
      } else if (type === 'boolean') {
        if (raw !== 'true' && raw !== 'false') throw bad(`${name}: must be true or false`);
        right = { kind: 'boolean', value: raw === 'true' };
      } else if (type === 'date') right = { kind: 'date', value: raw };
      else if (type === 'timestamp') right = { kind: 'timestamp', value: raw };
      else right = { kind: 'string', value: raw };
      return { op: 'compare', cmp: '=', left: { kind: 'property', name }, right } satisfies Expr;
    });
}

export interface ItemsQuery {
  format: Format;
  limit: number;
  offset: number;
  crs: OgcCrs;
  bbox?: Bbox4;
  datetime?: [string | null, string | null];
  filter?: Expr;
  filterCrs: OgcCrs;
}

const ITEMS_PARAMS = ['f', 'limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'datetime', 'filter', 'filter-lang', 'filter-crs'];

/** Everything GET /collections/{id}/items accepts, validated; anything else → 400. */
export function itemsQuery(req: Request, c: Collection): ItemsQuery {
  allowOnly(req, [...ITEMS_PARAMS, ...Object.keys(c.queryables)]);
  const crs = crsParam(req, 'crs') ?? CRS84;
  const bboxCrs = crsParam(req, 'bbox-crs');
  if (bboxCrs && req.query.bbox === undefined) throw bad('bbox-crs: given without bbox');
  const lang = single(req, 'filter-lang') ?? 'cql2-text';
  if (lang !== 'cql2-text' && lang !== 'cql2-json') throw bad("filter-lang: must be 'cql2-text' or 'cql2-json'");
  const text = single(req, 'filter');
  if (text === undefined && (req.query['filter-lang'] !== undefined || req.query['filter-crs'] !== undefined)) {
    throw bad('filter-lang and filter-crs need a filter');
  }
  const parts: Expr[] = queryableParams(req, c);
  if (text !== undefined) parts.push(lang === 'cql2-json' ? parseCql2Json(text) : parseCql2Text(text));
  return {
    format: format(req),
    limit: Math.min(integer(req, 'limit', 1, Number.MAX_SAFE_INTEGER) ?? DEFAULT_LIMIT, MAX_LIMIT),
    offset: integer(req, 'offset', 0, MAX_OFFSET) ?? 0,
    crs,
    bbox: bbox(req, bboxCrs ?? CRS84),
    datetime: datetime(req),
    filter: parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { op: 'and', args: parts },
    filterCrs: crsParam(req, 'filter-crs') ?? CRS84,
  };
}

/** GET /collections/{id}/items/{featureId} accepts only `f` and `crs`. */
export function itemQuery(req: Request): { format: Format; crs: OgcCrs } {
  allowOnly(req, ['f', 'crs']);
  return { format: format(req), crs: crsParam(req, 'crs') ?? CRS84 };
}
