import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const LAYERS = ['areas', 'land', 'plans', 'premises', 'stops'] as const;
// Flemingsberg station's surroundings, lon/lat.
const FLEMINGSBERG_BBOX = '17.925,59.210,17.965,59.230';

describe('read API over the seeded data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
  });
  afterAll(() => t.drop());

  const count = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params)).rows[0].n as number;

  test('when the database answers, then /api/health is ok', async () => {
    const res = await request(t.app).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.counts.areas).toBe(3);
  });

  test.each(LAYERS)('when /api/%s is read, then it is a FeatureCollection in lon/lat with the contract properties', async (layer) => {
    const res = await request(t.app).get(`/api/${layer}`).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    expect(res.body.type).toBe('FeatureCollection');
    expect(res.body.features.length).toBeGreaterThan(0);
    for (const f of res.body.features) {
      expect(typeof f.properties.ref).toBe('string');
      expect(typeof f.properties.id).toBe('number');
      const first = JSON.stringify(f.geometry.coordinates).match(/-?\d+\.?\d*/g)!.map(Number);
      expect(first[0]).toBeGreaterThan(17);
      expect(first[0]).toBeLessThan(19);
      expect(first[1]).toBeGreaterThan(59);
      expect(first[1]).toBeLessThan(60);
      // at most 7 decimals (RFC 7946 practice, ~1 cm)
      expect(JSON.stringify(f.geometry.coordinates)).not.toMatch(/\.\d{8,}/);
    }
  });

  test('when plans are read, then each zone carries the Boverket name of each use code', async () => {
    const res = await request(t.app).get('/api/plans').expect(200);
    const zone = res.body.features.find((f: { properties: { useCodes: string[] } }) => f.properties.useCodes.some((c) => c.startsWith('J')));
    expect(zone).toBeDefined();
    const i = zone.properties.useCodes.findIndex((c: string) => c.startsWith('J'));
    expect(zone.properties.useNames[i]).toBe('Industri');
    for (const key of ['planId', 'planName', 'status', 'useCodes', 'legalForceDate', 'expectedLegalForceDate', 'implementationEndDate', 'maxGrossFloorAreaM2', 'maxHeightM']) {
      expect(zone.properties).toHaveProperty(key);
    }
  });

  test('when filtered by area, then exactly the rows of that area come back', async () => {
    const res = await request(t.app).get('/api/land?area=lanna').expect(200);
    expect(res.body.features.length).toBe(await count("select count(*)::int as n from land_parcels where area_ref = 'lanna'"));
    expect(res.body.features.every((f: { properties: { areaRef: string } }) => f.properties.areaRef === 'lanna')).toBe(true);
    const premises = await request(t.app).get('/api/premises?area=flemingsberg').expect(200);
    expect(premises.body.features.length).toBe(
      await count("select count(*)::int as n from premises p join areas a on a.ref = 'flemingsberg' and ST_Intersects(a.geom, p.geom)"),
    );
  });

  test('when filtered by bbox, then the features intersecting it come back, as PostGIS counts them', async () => {
    const res = await request(t.app).get(`/api/stops?bbox=${FLEMINGSBERG_BBOX}`).expect(200);
    const expected = await count(
      'select count(*)::int as n from stops where ST_Intersects(ST_Transform(geom, 4326), ST_MakeEnvelope(17.925, 59.210, 17.965, 59.230, 4326))',
    );
    expect(expected).toBeGreaterThan(0);
    expect(res.body.features.length).toBe(expected);
    expect(res.body.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain('Flemingsberg station');
  });

  test.each([
    ['land', 'status=available,reserved', "select count(*)::int as n from land_parcels where status in ('available','reserved')"],
    ['land', 'ownerType=municipal', "select count(*)::int as n from land_parcels where owner_type = 'municipal'"],
    ['plans', 'status=in_force', "select count(*)::int as n from plan_zones z join plans p using (plan_id) where p.status = 'in_force'"],
    ['plans', 'use=J', "select count(*)::int as n from plan_zones where exists (select 1 from unnest(use_codes) c where c like 'J%')"],
    ['plans', 'use=office', "select count(*)::int as n from plan_zones where exists (select 1 from unnest(use_codes) c where left(c,1) in ('K','C'))"],
    ['premises', 'kind=lab', "select count(*)::int as n from premises where kind = 'lab'"],
    ['premises', 'use=logistics&status=available', "select count(*)::int as n from premises where kind in ('warehouse','industry') and status = 'available'"],
    ['stops', 'mode=commuter_rail', "select count(*)::int as n from stops where mode = 'commuter_rail'"],
    ['stops', 'planned=true', 'select count(*)::int as n from stops where planned'],
  ])('when /api/%s?%s, then the count matches the database', async (layer, qs, sql) => {
    const res = await request(t.app).get(`/api/${layer}?${qs}`).expect(200);
    const expected = await count(sql);
    expect(expected).toBeGreaterThan(0);
    expect(res.body.features.length).toBe(expected);
  });

  test('when one feature is asked by ref, then it comes back; an unknown ref is 404 with code and message', async () => {
    const ok = await request(t.app).get('/api/areas/flemingsberg').expect(200);
    expect(ok.body.type).toBe('Feature');
    expect(ok.body.properties.name).toBe('Flemingsberg');
    const land = (await request(t.app).get('/api/land?area=lanna')).body.features[0];
    const one = await request(t.app).get(`/api/land/${encodeURIComponent(land.properties.ref)}`).expect(200);
    expect(one.body.properties.ref).toBe(land.properties.ref);
    const missing = await request(t.app).get('/api/areas/atlantis').expect(404);
    expect(missing.body).toEqual({ code: 'not_found', message: expect.stringContaining('atlantis') });
  });

  test('when crs=3006 is asked, then coordinates are SWEREF 99 TM metres and the CRS is named', async () => {
    const res = await request(t.app).get('/api/stops?crs=3006&mode=commuter_rail').expect(200);
    expect(res.body.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::3006');
    const station = res.body.features.find((f: { properties: { name: string } }) => f.properties.name === 'Flemingsberg station');
    const [e, n] = station.geometry.coordinates;
    // Flemingsberg station, 59.21796 N 17.94568 E, is about E 667 000, N 6 570 000 in SWEREF 99 TM.
    expect(e).toBeGreaterThan(664_000);
    expect(e).toBeLessThan(670_000);
    expect(n).toBeGreaterThan(6_567_000);
    expect(n).toBeLessThan(6_573_000);
  });

  test.each([
    ['/api/land?colour=red', 'invalid_parameter', /unknown parameter.*colour/],
    ['/api/land?status=free', 'invalid_parameter', /status/],
    ['/api/land?bbox=1,2,3', 'invalid_parameter', /bbox/],
    ['/api/land?bbox=18,59,17,60', 'invalid_parameter', /bbox: min must not exceed max/],
    ['/api/land?bbox=670000,6570000,671000,6571000', 'invalid_parameter', /bbox: lon\/lat out of range/],
    ['/api/land?area=atlantis', 'unknown_area', /atlantis/],
    ['/api/land?status=available&status=sold', 'invalid_parameter', /status/],
    ['/api/stops?mode=ferry', 'invalid_parameter', /mode/],
    ['/api/stops?planned=maybe', 'invalid_parameter', /planned/],
    ['/api/plans?use=housing', 'invalid_parameter', /use/],
    ['/api/premises?crs=2400', 'invalid_parameter', /crs/],
    ['/api/areas/flemingsberg?bbox=1,2,3,4', 'invalid_parameter', /bbox/],
  ])('when %s, then 400 %s', async (url, code, message) => {
    const res = await request(t.app).get(url).expect(400);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(message);
  });

  test('when an unknown API path is asked, then 404 in the API error format', async () => {
    const res = await request(t.app).get('/api/nothing-here').expect(404);
    expect(res.body.code).toBe('not_found');
  });

  test('when /api/openapi.json is read, then it describes every read endpoint', async () => {
    const res = await request(t.app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const layer of LAYERS) {
      expect(res.body.paths[`/api/${layer}`].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['bbox', 'area', 'crs']),
      );
      expect(res.body.paths[`/api/${layer}/{ref}`]).toBeDefined();
    }
    expect(res.body.paths['/api/health']).toBeDefined();
  });
});
