import { bboxPolygon, checkGeometry, filterError, LIMITS, type ComparisonOp, type Expr, type GeometryLiteral, type Scalar, type Spatial } from './ast';

// CQL2 JSON → the Expr tree (OGC 21-065 JSON encoding: {"op": ..., "args": [...]}).

const COMPARISONS = ['=', '<>', '<', '<=', '>', '>='];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function args(node: Record<string, unknown>, n?: number): unknown[] {
  const a = node.args;
  if (!Array.isArray(a)) throw filterError(`"${String(node.op)}" needs an "args" array`);
  if (n !== undefined && a.length !== n) throw filterError(`"${String(node.op)}" takes ${n} arguments, got ${a.length}`);
  return a;
}

function scalar(v: unknown): Scalar {
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (typeof v === 'number' && Number.isFinite(v)) return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (isObject(v)) {
    if (typeof v.property === 'string') return { kind: 'property', name: v.property };
    if (typeof v.date === 'string') return { kind: 'date', value: v.date };
    if (typeof v.timestamp === 'string') return { kind: 'timestamp', value: v.timestamp };
  }
  throw filterError(`${JSON.stringify(v)?.slice(0, 80)} is not a property or a value this server compares`);
}

function spatial(v: unknown): Spatial {
  if (isObject(v) && typeof v.property === 'string') return { kind: 'property', name: v.property };
  if (isObject(v) && Array.isArray(v.bbox) && v.bbox.every((n) => typeof n === 'number')) return { kind: 'geometry', value: bboxPolygon(v.bbox as number[]) };
  if (isObject(v) && typeof v.type === 'string' && 'coordinates' in v) return { kind: 'geometry', value: checkGeometry(v as unknown as GeometryLiteral) };
  throw filterError('s_intersects takes a property, a GeoJSON geometry or {"bbox": [...]}');
}

function expr(v: unknown): Expr {
  if (typeof v === 'boolean') return { op: 'literal', value: v };
  if (!isObject(v) || typeof v.op !== 'string') throw filterError('every condition must be an object {"op": ..., "args": [...]}');
  const op = v.op.toLowerCase();
  if (op === 'and' || op === 'or') {
    const a = args(v);
    if (a.length < 2) throw filterError(`"${op}" needs at least two arguments`);
    return { op, args: a.map(expr) };
  }
  if (op === 'not') return { op: 'not', arg: expr(args(v, 1)[0]) };
  if (COMPARISONS.includes(op)) {
    const [l, r] = args(v, 2);
    return { op: 'compare', cmp: op as ComparisonOp, left: scalar(l), right: scalar(r) };
  }
  if (op === 'like') {
    const [l, r] = args(v, 2);
    return { op: 'like', left: scalar(l), pattern: scalar(r) };
  }
  if (op === 'between') {
    const a = args(v, 3);
    return { op: 'between', left: scalar(a[0]), low: scalar(a[1]), high: scalar(a[2]) };
  }
  if (op === 'in') {
    const [l, list] = args(v, 2);
    if (!Array.isArray(list) || list.length === 0) throw filterError('"in" takes a property and a non-empty array');
    if (list.length > LIMITS.inList) throw filterError(`"in" lists more than ${LIMITS.inList} values`);
    return { op: 'in', left: scalar(l), list: list.map(scalar) };
  }
  if (op === 'isnull') return { op: 'isNull', arg: scalar(args(v, 1)[0]) };
  if (op === 's_intersects') {
    const [l, r] = args(v, 2);
    return { op: 's_intersects', left: spatial(l), right: spatial(r) };
  }
  throw filterError(`operator "${v.op}" is not supported`);
}

/** Parses a CQL2 JSON filter, given as text (query parameter) or already parsed. */
export function parseCql2Json(input: string | unknown): Expr {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > LIMITS.chars) throw filterError(`longer than ${LIMITS.chars} characters`);
    try {
      value = JSON.parse(input);
    } catch {
      throw filterError('is not valid JSON (filter-lang=cql2-json)');
    }
  }
  return expr(value);
}
