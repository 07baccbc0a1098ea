// The CQL2 parsers and the /ogc query parameters under fast-check: token soups, random CQL2
// JSON trees and hostile parameter values. Per input: never a 5xx; a 400 is JSON {code, message}.
import fc from 'fast-check';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const TOKENS = [
  'status', 'priceSekPerM2', 'ref', 'geometry', 'updatedAt', 'illustrative', '"ownerType"', 'nope', "'available'", "'%a_'", "''''",
  '1', '-2.5', '1e308', '0', 'TRUE', 'FALSE', 'NULL', 'AND', 'OR', 'NOT', 'LIKE', 'IN', 'BETWEEN', 'IS', '=', '<>', '<', '>=', '(', ')', ',',
  "DATE('2020-01-01')", "TIMESTAMP('2020-01-01T00:00:00Z')", "DATE('2020-13-45')", 'S_INTERSECTS', 'BBOX(17.9,59.2,18,59.3)',
  'POINT(18 59)', 'POLYGON((18 59, 18.1 59, 18.1 59.1, 18 59))', 'POINT(680000 6570000)', 'LINESTRING(1 2)', '-', '+', '.',
];

const jsonExpr: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  // base cases first: maxDepth falls back to the first arbitrary
  expr: fc.oneof(
    { depthSize: 'small', maxDepth: 5, depthIdentifier: 'cql2' },
    fc.boolean(),
    fc.record({ op: fc.constantFrom('=', '<', '>=', 'like', 'between', 'in', 'isNull', 's_intersects', 'bogus'), args: fc.array(tie('value'), { maxLength: 4 }) }),
    fc.record({ op: fc.constantFrom('and', 'or'), args: fc.array(tie('expr'), { maxLength: 4 }) }),
    fc.record({ op: fc.constant('not'), args: fc.array(tie('expr'), { maxLength: 2 }) }),
  ),
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 5, depthIdentifier: 'cql2' },
    fc.record({ property: fc.constantFrom('status', 'priceSekPerM2', 'geometry', 'updatedAt', 'x') }),
    fc.string({ maxLength: 8 }), fc.double(), fc.boolean(), fc.constant(null),
    fc.record({ date: fc.string({ maxLength: 12 }) }), fc.record({ timestamp: fc.string({ maxLength: 25 }) }),
    fc.record({ bbox: fc.array(fc.double(), { maxLength: 6 }) }),
    fc.record({ type: fc.constantFrom('Point', 'Polygon', 'GeometryCollection'), coordinates: fc.array(fc.oneof(fc.double(), fc.array(fc.double(), { maxLength: 3 })), { maxLength: 4 }) }),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
})).expr;

const PARAMS = ['limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'datetime', 'filter-crs', 'f', 'status', 'priceSekPerM2'];
const VALUES = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('-180,-90,180,90', '1,2,3', 'NaN,1,2,3', '59,17,60,18', '2020-01-01/..', '../..', '2020-01-01T00:00:00+25:00',
    'http://www.opengis.net/def/crs/EPSG/0/3006', '[EPSG:4326]', '99999999999999999999', '-1', '1e3', 'html', 'xml'),
);

describe('fuzzing /ogc items', () => {
  let t: TestApp;
  let inputs = 0;
  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
  });
  afterAll(() => t.drop());

  const check = (res: request.Response, url: string) => {
    inputs++;
    if (res.status >= 500) throw new Error(`${res.status} for ${url}: ${res.text.slice(0, 300)}`);
    if (res.status >= 400) expect(res.body).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    expect([200, 400]).toContain(res.status);
  };

  it('when CQL2 text is a soup of its own tokens, then every answer is 200 or a 400 {code, message}', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 14 }), async (tokens) => {
        const url = `/ogc/collections/land/items?limit=5&filter=${encodeURIComponent(tokens.join(' '))}`;
        check(await request(t.app).get(url), url);
      }),
      { numRuns: 400 },
    );
  });

  it('when CQL2 JSON is a random tree, then every answer is 200 or a 400 {code, message}', async () => {
    await fc.assert(
      fc.asyncProperty(jsonExpr, async (e) => {
        const url = `/ogc/collections/plans/items?limit=5&filter-lang=cql2-json&filter=${encodeURIComponent(JSON.stringify(e))}`;
        check(await request(t.app).get(url), url);
      }),
      { numRuns: 300 },
    );
  });

  it('when the other parameters take hostile values, then every answer is 200 or a 400 {code, message}', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...PARAMS), VALUES, { maxKeys: 4 }), async (params) => {
        const url = `/ogc/collections/land/items?${new URLSearchParams(params).toString()}`;
        check(await request(t.app).get(url), url);
      }),
      { numRuns: 300 },
    );
    expect(inputs).toBeGreaterThanOrEqual(1000);
  });
});
