// OGC API – Features Part 3 (filtering) with CQL2 text and JSON: every operator of the
// subset checked against what the JSON API's features say (filtered here in plain JS),
// the two encodings against each other, queryables, and the bounds and refusals.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { parseCql2Text } from '../../api/src/ogc/cql2/text';
import { compileFilter } from '../../api/src/ogc/cql2/compile';
import { COLLECTIONS } from '../../api/src/ogc/collections';
import { CRS84 } from '../../api/src/ogc/crs';

type Props = Record<string, unknown>;
type Feature = { id: string; properties: Props };

describe('CQL2 filters on /ogc items', () => {
  let t: TestApp;
  const data: Record<string, Props[]> = {};
  const items = async (layer: string, filter: string, lang = 'cql2-text', extra = '') => {
    const res = await request(t.app)
      .get(`/ogc/collections/${layer}/items?limit=10000&filter-lang=${lang}&filter=${encodeURIComponent(filter)}${extra}`);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)} for ${filter}`);
    return (res.body.features as Feature[]).map((f) => f.id).sort();
  };
  const refs = (layer: string, keep: (p: Props) => boolean) => data[layer].filter(keep).map((p) => String(p.ref)).sort();
  const refused = async (layer: string, filter: string, lang = 'cql2-text') => {
    const res = await request(t.app).get(`/ogc/collections/${layer}/items?filter-lang=${lang}&filter=${encodeURIComponent(filter)}`).expect(400);
    expect(res.body).toEqual({ code: expect.stringMatching(/^invalid_/), message: expect.any(String) });
    return res.body.message as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
    for (const layer of ['land', 'plans', 'premises', 'stops']) {
      data[layer] = (await request(t.app).get(`/api/${layer}`).expect(200)).body.features.map((f: Feature) => f.properties);
    }
  });
  afterAll(() => t.drop());

  // each case: the filter in text and in JSON, and the expected set in plain JS
  const CASES: Array<[string, string, string, unknown, (p: Props) => boolean]> = [
    ['=', 'land', "status = 'available'", { op: '=', args: [{ property: 'status' }, 'available'] }, (p) => p.status === 'available'],
    ['<>', 'land', "status <> 'available'", { op: '<>', args: [{ property: 'status' }, 'available'] }, (p) => p.status !== 'available'],
    ['< on numbers (nulls never match)', 'land', 'priceSekPerM2 < 1500', { op: '<', args: [{ property: 'priceSekPerM2' }, 1500] }, (p) => p.priceSekPerM2 != null && Number(p.priceSekPerM2) < 1500],
    ['>=', 'premises', 'floorAreaM2 >= 1000', { op: '>=', args: [{ property: 'floorAreaM2' }, 1000] }, (p) => Number(p.floorAreaM2) >= 1000],
    ['AND', 'land', "status = 'available' AND ownerType = 'municipal'",
      { op: 'and', args: [{ op: '=', args: [{ property: 'status' }, 'available'] }, { op: '=', args: [{ property: 'ownerType' }, 'municipal'] }] },
      (p) => p.status === 'available' && p.ownerType === 'municipal'],
    ['OR', 'premises', "kind = 'lab' OR kind = 'retail'",
      { op: 'or', args: [{ op: '=', args: [{ property: 'kind' }, 'lab'] }, { op: '=', args: [{ property: 'kind' }, 'retail'] }] },
      (p) => p.kind === 'lab' || p.kind === 'retail'],
    ['NOT', 'premises', "NOT (kind = 'office')", { op: 'not', args: [{ op: '=', args: [{ property: 'kind' }, 'office'] }] }, (p) => p.kind !== 'office'],
    ['LIKE', 'land', "ref LIKE 'Länna 1:%'", { op: 'like', args: [{ property: 'ref' }, 'Länna 1:%'] }, (p) => String(p.ref).startsWith('Länna 1:')],
    ['NOT LIKE', 'stops', "name NOT LIKE '%station%'", { op: 'not', args: [{ op: 'like', args: [{ property: 'name' }, '%station%'] }] }, (p) => !String(p.name).includes('station')],
    ['IN', 'stops', "mode IN ('commuter_rail', 'metro')", { op: 'in', args: [{ property: 'mode' }, ['commuter_rail', 'metro']] }, (p) => p.mode === 'commuter_rail' || p.mode === 'metro'],
    ['BETWEEN', 'premises', 'floorAreaM2 BETWEEN 300 AND 2000', { op: 'between', args: [{ property: 'floorAreaM2' }, 300, 2000] }, (p) => Number(p.floorAreaM2) >= 300 && Number(p.floorAreaM2) <= 2000],
    ['IS NULL', 'land', 'priceSekPerM2 IS NULL', { op: 'isNull', args: [{ property: 'priceSekPerM2' }] }, (p) => p.priceSekPerM2 == null],
    ['IS NOT NULL', 'land', 'priceSekPerM2 IS NOT NULL', { op: 'not', args: [{ op: 'isNull', args: [{ property: 'priceSekPerM2' }] }] }, (p) => p.priceSekPerM2 != null],
    ['booleans', 'stops', 'planned = true', { op: '=', args: [{ property: 'planned' }, true] }, (p) => p.planned === true],
    ['DATE', 'plans', "legalForceDate < DATE('2010-01-01')", { op: '<', args: [{ property: 'legalForceDate' }, { date: '2010-01-01' }] },
      (p) => p.legalForceDate != null && String(p.legalForceDate) < '2010-01-01'],
    ['integers', 'stops', 'openingYear >= 2020', { op: '>=', args: [{ property: 'openingYear' }, 2020] }, (p) => p.openingYear != null && Number(p.openingYear) >= 2020],
  ];

  it.each(CASES)('when filtering with %s, then text and JSON encodings select exactly the expected features', async (_name, layer, text, json, keep) => {
    const expected = refs(layer, keep);
    expect(await items(layer, text)).toEqual(expected);
    expect(await items(layer, JSON.stringify(json), 'cql2-json')).toEqual(expected);
  });

  it('when the sets are checked, then the cases are not trivial (each keeps some and drops some)', () => {
    for (const [name, layer, , , keep] of CASES) {
      const kept = refs(layer, keep).length;
      expect({ name, some: kept > 0, notAll: kept < data[layer].length }).toEqual({ name, some: true, notAll: true });
    }
  });

  it('when S_INTERSECTS is given a BBOX, a POLYGON or a POINT, then the features the JSON API finds there come back', async () => {
    const inBox = (await request(t.app).get('/api/land?bbox=17.93,59.20,18.00,59.23').expect(200)).body.features.map((f: Feature) => String(f.properties.ref)).sort();
    expect(inBox.length).toBeGreaterThan(0);
    expect(await items('land', 'S_INTERSECTS(geometry, BBOX(17.93, 59.20, 18.00, 59.23))')).toEqual(inBox);
    expect(await items('land', 'S_INTERSECTS(geometry, POLYGON((17.93 59.20, 18.00 59.20, 18.00 59.23, 17.93 59.23, 17.93 59.20)))')).toEqual(inBox);
    expect(await items('land', JSON.stringify({ op: 's_intersects', args: [{ property: 'geometry' }, { bbox: [17.93, 59.2, 18.0, 59.23] }] }), 'cql2-json')).toEqual(inBox);
    const json = { op: 's_intersects', args: [{ property: 'geometry' }, { type: 'Polygon', coordinates: [[[17.93, 59.2], [18.0, 59.2], [18.0, 59.23], [17.93, 59.23], [17.93, 59.2]]] }] };
    expect(await items('land', JSON.stringify(json), 'cql2-json')).toEqual(inBox);
    // a point inside one parcel finds that parcel
    const one = (await request(t.app).get('/api/land?crs=3006').expect(200)).body.features[0];
    const [e, n] = one.geometry.coordinates[0][0] as number[];
    const centre = (await t.db.query('select ST_X(p) x, ST_Y(p) y from (select ST_Transform(ST_PointOnSurface(geom), 4326) p from land_parcels where ref = $1) q', [one.properties.ref])).rows[0];
    expect(await items('land', `S_INTERSECTS(geometry, POINT(${centre.x} ${centre.y}))`)).toContain(one.properties.ref);
    expect(e).toBeGreaterThan(0);
    expect(n).toBeGreaterThan(0);
  });

  it('when filter-crs is EPSG:3006, then the literal is read northing first and selects the same as in CRS84', async () => {
    const expected = (await request(t.app).get('/api/land?bbox=676000,6566000,680000,6570000&crs=3006').expect(200)).body.features.map((f: Feature) => String(f.properties.ref)).sort();
    expect(expected.length).toBeGreaterThan(0);
    const got = await items('land', 'S_INTERSECTS(geometry, BBOX(6566000, 676000, 6570000, 680000))', 'cql2-text',
      `&filter-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3006')}`);
    expect(got).toEqual(expected);
  });

  it('when a filter is combined with bbox and paging, then numberMatched counts the filtered set', async () => {
    const expected = refs('land', (p) => p.status === 'available');
    const res = await request(t.app).get(`/ogc/collections/land/items?limit=3&filter=${encodeURIComponent("status = 'available'")}`).expect(200);
    expect(res.body.numberMatched).toBe(expected.length);
    const next = res.body.links.find((l: { rel: string }) => l.rel === 'next');
    expect(new URL(next.href).searchParams.get('filter')).toBe("status = 'available'");
  });

  it('when queryables are given as query parameters, then they filter by equality', async () => {
    const res = await request(t.app).get('/ogc/collections/premises/items?kind=office&limit=1000').expect(200);
    expect(res.body.features.map((f: Feature) => f.id).sort()).toEqual(refs('premises', (p) => p.kind === 'office'));
    await request(t.app).get('/ogc/collections/premises/items?floorAreaM2=lots').expect(400);
  });

  it('when queryables are read, then each collection lists its whitelisted properties and geometry as JSON Schema', async () => {
    for (const layer of ['areas', 'land', 'plans', 'premises', 'stops', 'municipalities']) {
      const res = await request(t.app).get(`/ogc/collections/${layer}/queryables`).expect(200);
      expect(res.type).toBe('application/schema+json');
      expect(res.body.type).toBe('object');
      expect(res.body.properties.geometry).toBeDefined();
      expect(res.body.properties.ref).toEqual(expect.objectContaining({ type: 'string' }));
    }
    const land = (await request(t.app).get('/ogc/collections/land/queryables').expect(200)).body.properties;
    expect(land.status.enum).toEqual(['available', 'reserved', 'sold', 'not_for_sale']);
    expect(land.reservedFor).toBeUndefined(); // staff-only: not queryable
  });

  it('when a filter names something that is not a queryable, or mixes types, or is malformed, then 400', async () => {
    expect(await refused('land', "reservedFor = 'x'")).toMatch(/not a queryable/);
    expect(await refused('land', '"status; drop table land_parcels" = 1')).toMatch(/not a queryable/);
    expect(await refused('land', "priceSekPerM2 = 'cheap'")).toMatch(/cannot be compared/);
    expect(await refused('land', "status = 'available' AND")).toMatch(/filter/);
    expect(await refused('land', "status == 'x'")).toMatch(/filter/);
    expect(await refused('land', 'S_INTERSECTS(geometry, POLYGON((1 2, 3 4, 1 2)))')).toMatch(/ring/);
    expect(await refused('land', 'S_INTERSECTS(geometry, POINT(680000 6570000))')).toMatch(/degrees/);
    expect(await refused('land', '{"op": "=", "args": [{"property": "status"}]}', 'cql2-json')).toMatch(/2 arguments/);
    expect(await refused('land', '{"op": "drop", "args": []}', 'cql2-json')).toMatch(/not supported/);
    expect(await refused('land', '{not json', 'cql2-json')).toMatch(/JSON/);
    await request(t.app).get(`/ogc/collections/land/items?filter-lang=sql&filter=${encodeURIComponent("status = 'x'")}`).expect(400);
  });

  it('when a value carries SQL, then it is only a value: nothing matches and the table is intact', async () => {
    const before = (await t.db.query('select count(*)::int n from land_parcels')).rows[0].n;
    expect(await items('land', "status = 'x''; delete from land_parcels; --'")).toEqual([]);
    expect((await t.db.query('select count(*)::int n from land_parcels')).rows[0].n).toBe(before);
  });

  it('when a filter is too deep, too long or lists too much, then 400 before any SQL runs', async () => {
    expect(await refused('land', `${'NOT ('.repeat(30)}status = 'x'${')'.repeat(30)}`)).toMatch(/deeper/);
    expect(await refused('land', `ref IN (${Array.from({ length: 600 }, (_, i) => `'r${i}'`).join(',')})`)).toMatch(/more than/);
    expect(await refused('land', `ref = '${'x'.repeat(9_000)}'`)).toMatch(/longer/);
  });

  it('when a filter is compiled, then its SQL holds only whitelisted identifiers and $n placeholders, never the values', () => {
    const e = parseCql2Text("status = 'sentinel-value' AND priceSekPerM2 > 123456.5 AND S_INTERSECTS(geometry, POINT(17.123 59.456))");
    const { sql, params } = compileFilter(e, COLLECTIONS.land, CRS84, 14);
    expect(sql).not.toMatch(/sentinel|123456|17\.123|59\.456/);
    expect(sql).toContain('s."status" = $14::text');
    expect(params).toEqual(['sentinel-value', 123456.5, JSON.stringify({ type: 'Point', coordinates: [17.123, 59.456] })]);
  });
});
