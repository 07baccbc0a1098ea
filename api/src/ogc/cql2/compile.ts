import type { Collection, QueryableType } from '../collections';
import type { OgcCrs } from '../crs';
import { checkSize, filterError, type Expr, type Scalar, type Spatial } from './ast';

/** A compiled filter: an SQL boolean over the source's columns, and its values. */
export interface CompiledFilter {
  sql: string;
  params: unknown[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Degrees must be degrees: PostGIS refuses to transform a latitude beyond ±90 (a 500 otherwise). */
function checkDegrees(c: unknown, latFirst: boolean): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') {
    const [lon, lat] = latFirst ? [c[1], c[0]] : [c[0], c[1]];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw filterError(`${c.join(' ')} is not a position in degrees (filter-crs ${latFirst ? 'EPSG:4326, lat/lon' : 'CRS84, lon/lat'}); metres need filter-crs EPSG:3006`);
    }
    return;
  }
  c.forEach((x) => checkDegrees(x, latFirst));
}

/**
 * Compiles a filter to SQL for one collection. Identifiers come only from the collection's
 * queryables (quoted from that table, never from the request); every value is a bound
 * parameter `$n`, numbered from `firstParam`. Example:
 * `compile(parseCql2Text("status = 'available'"), COLLECTIONS.land, CRS84, 14)` →
 * `{ sql: '(s."status" = $14::text)', params: ['available'] }`.
 */
export function compileFilter(e: Expr, c: Collection, filterCrs: OgcCrs, firstParam: number): CompiledFilter {
  checkSize(e);
  const params: unknown[] = [];
  const bind = (v: unknown, cast: string) => {
    params.push(v);
    return `$${firstParam + params.length - 1}::${cast}`;
  };

  const property = (name: string): { sql: string; type: QueryableType } => {
    const q = Object.hasOwn(c.queryables, name) ? c.queryables[name] : undefined;
    if (!q) throw filterError(`'${name}' is not a queryable of ${c.id} (see /ogc/collections/${c.id}/queryables)`);
    return { sql: `s."${name}"`, type: q.type };
  };

  /** A literal's SQL, cast to the type it is compared with (checked: no silent coercion). */
  const literal = (s: Scalar, type: QueryableType | undefined): string => {
    const want = type ?? (s.kind === 'number' ? 'number' : s.kind === 'boolean' ? 'boolean' : s.kind === 'date' ? 'date' : s.kind === 'timestamp' ? 'timestamp' : 'string');
    const mismatch = () => filterError(`${JSON.stringify((s as { value: unknown }).value)} cannot be compared with a ${want} property`);
    switch (s.kind) {
      case 'string': if (want !== 'string') throw mismatch(); return bind(s.value, 'text');
      case 'number': if (want !== 'number' && want !== 'integer') throw mismatch(); return bind(s.value, 'float8');
      case 'boolean': if (want !== 'boolean') throw mismatch(); return bind(s.value, 'boolean');
      case 'date':
        if (!DATE.test(s.value) || Number.isNaN(Date.parse(s.value))) throw filterError(`DATE('${s.value}') is not a date YYYY-MM-DD`);
        if (want !== 'date' && want !== 'timestamp') throw mismatch();
        return bind(s.value, 'date');
      case 'timestamp':
        if (!TIMESTAMP.test(s.value) || Number.isNaN(Date.parse(s.value))) throw filterError(`TIMESTAMP('${s.value}') is not an RFC 3339 date-time`);
        if (want !== 'date' && want !== 'timestamp') throw mismatch();
        return bind(s.value, 'timestamptz');
      default: throw filterError('a property cannot be compared with another property here');
    }
  };

  /** Both sides of a comparison: one property and literals (property–property is not offered). */
  const operands = (scalars: Scalar[]): string[] => {
    const props = scalars.filter((s) => s.kind === 'property');
    if (props.length === 0) throw filterError('a comparison needs a property');
    if (props.length > 1) throw filterError('comparing two properties is not supported');
    const p = property((props[0] as { name: string }).name);
    return scalars.map((s) => (s.kind === 'property' ? p.sql : literal(s, p.type)));
  };

  const spatial = (s: Spatial): string => {
    if (s.kind === 'property') {
      if (s.name !== 'geometry') throw filterError(`'${s.name}' is not a spatial queryable (use geometry)`);
      return 's.geom';
    }
    if (filterCrs.srid === 4326) checkDegrees(s.value.coordinates, filterCrs.swapAxes);
    // the literal is in filter-crs, in its axis order; PostGIS wants x/y (lon/lat, easting/northing)
    const g = `ST_SetSRID(ST_GeomFromGeoJSON(${bind(JSON.stringify(s.value), 'text')}), ${filterCrs.srid})`;
    const xy = filterCrs.swapAxes ? `ST_FlipCoordinates(${g})` : g;
    // degrees are cut to where EPSG:3006 is meaningful first (as the bbox in items.sql)
    return filterCrs.srid === 4326 ? `ST_Transform(ST_Intersection(${xy}, ST_MakeEnvelope(0, 45, 35, 80, 4326)), 3006)` : `ST_Transform(${xy}, 3006)`;
  };

  const walk = (x: Expr): string => {
    switch (x.op) {
      case 'and': case 'or': return `(${x.args.map(walk).join(` ${x.op} `)})`;
      case 'not': return `(not ${walk(x.arg)})`;
      case 'literal': return x.value ? 'true' : 'false';
      case 'compare': {
        const [l, r] = operands([x.left, x.right]);
        return `(${l} ${x.cmp} ${r})`;
      }
      case 'like': {
        if (x.pattern.kind !== 'string') throw filterError('LIKE needs a quoted pattern');
        const [l, r] = operands([x.left, x.pattern]);
        return `(${l} like ${r})`;
      }
      case 'between': {
        const [l, lo, hi] = operands([x.left, x.low, x.high]);
        return `(${l} between ${lo} and ${hi})`;
      }
      case 'in': {
        const [l, ...list] = operands([x.left, ...x.list]);
        return `(${l} in (${list.join(', ')}))`;
      }
      case 'isNull': {
        if (x.arg.kind !== 'property') throw filterError('IS NULL needs a property');
        return `(${property(x.arg.name).sql} is null)`;
      }
      case 's_intersects': return `ST_Intersects(${spatial(x.left)}, ${spatial(x.right)})`;
    }
  };

  return { sql: walk(e), params };
}

