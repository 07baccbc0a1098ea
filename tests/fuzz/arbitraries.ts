// fast-check arbitraries for hostile input: values a client can send that a handler may not
// expect, arbitraries derived from the API's zod schemas (so generated bodies reach deep into
// the handlers instead of stopping at the first strict-object check), and mutations of valid
// bodies (one field replaced, removed or added).
import fc from 'fast-check';
import type { ZodType } from 'zod';

/** Strings that broke or could break a handler: NUL, SQL, huge, odd dates, odd numbers. */
export const nastyString = fc.oneof(
  fc.constantFrom(
    '', ' ', '\u0000', 'a\u0000b', '%00', "'; drop table premises; --", '\\', '"', '../../etc/passwd', '%', '%%', '%E0%A4%A',
    '0000-01-01', '9999-12-31', '2026-02-30', '1e999', '-1e999', 'NaN', 'Infinity', '-0', '0x10', '1,2,3,4',
    '-180,-90,180,90', '-100,0,100,90', '17,59,18', '<script>alert(1)</script>', '\uD800', '\uFFFF', '🏠', 'ÅÄÖåäö',
    'null', 'true', '[]', '{}', 'EPSG:9999', 'urn:ogc:def:crs:EPSG::3006', '3006', '4326', 'lanna', 'flemingsberg',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 0, max: 50 }).map((n) => 'x'.repeat(n * 200)),
);

export const nastyNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, 1e308, -1e308, 2 ** 53, 2 ** 31, -(2 ** 31), 1e-320, 3006, 4326, 180, 90, 6_560_000),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, small or deep, with nasty leaves. */
export const nastyJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 5 }),
    fc.dictionary(nastyString, tie('v'), { maxKeys: 5 }),
  ),
})).v;

/** JSON text nested `depth` deep: more than any handler walks. */
export const deepJsonText = fc.integer({ min: 30, max: 5000 }).map((d) => `${'['.repeat(d)}1${']'.repeat(d)}`);

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/**
 * An arbitrary of values shaped by a zod schema: right keys and types, with random content
 * (and sometimes a nasty value instead), so most fail deeper checks than "unknown key".
 */
export function fromZod(schema: ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const nasty = depth > 4 ? nastyJson : fc.oneof(nastyString, nastyNumber, fc.constant(null));
  const typed = (() => {
    switch (def.type) {
      case 'string':
        return def.format === 'email'
          ? fc.oneof(fc.emailAddress(), nastyString)
          : def.format === 'datetime'
            ? fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), nastyString)
            : nastyString;
      case 'number':
        return nastyNumber;
      case 'boolean':
        return fc.boolean();
      case 'literal':
        return fc.constantFrom(...(def.values as unknown[]));
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
      case 'array':
        return fc.array(fromZod(def.element as ZodType, depth + 1), { maxLength: 6 });
      case 'object': {
        const shape = def.shape as Record<string, ZodType>;
        return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fromZod(v, depth + 1)])), {
          requiredKeys: Object.keys(shape).filter((k) => !['optional', 'default', 'nullable'].includes(defOf(shape[k]).type)),
        });
      }
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
      case 'catch':
        return fromZod(def.innerType as ZodType, depth);
      case 'pipe':
        return fromZod(def.in as ZodType, depth);
      case 'union':
        return fc.oneof(...(def.options as ZodType[]).map((o) => fromZod(o, depth + 1)));
      case 'record':
        return fc.dictionary(nastyString, fromZod(def.valueType as ZodType, depth + 1), { maxKeys: 4 });
      default:
        return nastyJson;
    }
  })();
  return fc.oneof({ arbitrary: typed, weight: 5 }, { arbitrary: nasty, weight: 1 });
}

/** A valid body with one change: a field replaced by a nasty value, removed, or a key added. */
export function mutate(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  if (keys.length === 0) return fc.tuple(nastyString, nastyJson).map(([k, v]) => ({ [k]: v }));
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), nastyJson).map(([k, v]) => ({ ...base, [k]: v })),
    fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(base).filter(([x]) => x !== k))),
    fc.tuple(nastyString, nastyJson).map(([k, v]) => ({ ...base, [k]: v })),
  );
}

/** Percent-encodes anything; a lone surrogate (which encodeURIComponent refuses) as its raw UTF-8 bytes. */
export const encode = (s: string): string => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

/** Hostile geometries: nesting, emptiness, NUL, overflow, wrong types, self-crossing, huge. */
export const hostileGeometry: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null, {}, [], 'Point', { type: 'Point' }, { type: 'Polygon', coordinates: [] }, { type: 'Polygon', coordinates: [[]] },
    { type: 'MultiPolygon', coordinates: [[[]]] }, { type: 'Point', coordinates: [17.9] }, { type: 'Point', coordinates: [17.9, 59.2, 3] },
    { type: 'Point', coordinates: ['17.9', 59.2] }, { type: 'Point', coordinates: [10.75, 59.91] }, { type: 'Point', coordinates: [59.2, 17.9] },
    { type: 'Point', coordinates: [670000, 6570000] }, { type: 'GeometryCollection', geometries: [] }, { type: 'LineString', coordinates: [[17.9, 59.2], [18, 59.3]] },
    { type: 'Polygon', coordinates: [[[17.9, 59.2], [17.91, 59.21], [17.91, 59.2], [17.9, 59.21], [17.9, 59.2]]] },
    { type: 'Polygon', coordinates: [[[11, 55.4], [24, 55.4], [24, 69], [11, 69], [11, 55.4]]] },
    { type: 'Polygon', coordinates: [[[17.9, 59.2], [17.91, 59.2], [17.91, 59.21], [17.9, 59.2]], [[0, 0], [1, 0], [1, 1], [0, 0]]] },
  ),
  fc.record({ type: fc.constantFrom('Point', 'Polygon', 'MultiPolygon'), coordinates: nastyJson }),
  fc.record({
    type: fc.constant('Point'),
    coordinates: fc.tuple(fc.double({ min: 10, max: 25, noNaN: true }), fc.double({ min: 54, max: 70, noNaN: true })),
  }),
  fc.array(fc.tuple(fc.double({ min: 17.8, max: 18.1, noNaN: true }), fc.double({ min: 59.15, max: 59.3, noNaN: true })), { minLength: 3, maxLength: 30 }).map((ring) => ({
    type: 'Polygon',
    coordinates: [[...ring, ring[0]]],
  })),
);
