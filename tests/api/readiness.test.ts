import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { loadWorld } from '../fixtures/readiness/world';

// Expected figures worked out by hand from the rectangles of tests/fixtures/readiness/world.ts
// (see tests/fixtures/readiness/README.md for the working).
type Expect = { readyHa: number; inProgressHa: Record<string, number>; vacantPremisesM2: number; grossFloorAreaM2: number | null };
const AREAS: Record<string, Record<string, Expect>> = {
  alfa: {
    office: { readyHa: 4, inProgressHa: { 2028: 20 }, vacantPremisesM2: 500, grossFloorAreaM2: null },
    retail: { readyHa: 1, inProgressHa: {}, vacantPremisesM2: 0, grossFloorAreaM2: 1000 },
    industry: { readyHa: 24, inProgressHa: { 2028: 20 }, vacantPremisesM2: 2000, grossFloorAreaM2: 100000 },
    logistics: { readyHa: 24, inProgressHa: { 2028: 20 }, vacantPremisesM2: 2000, grossFloorAreaM2: 100000 },
    lab: { readyHa: 28, inProgressHa: { 2028: 20 }, vacantPremisesM2: 0, grossFloorAreaM2: 100000 },
  },
  beta: {
    office: { readyHa: 0, inProgressHa: { 2027: 4 }, vacantPremisesM2: 0, grossFloorAreaM2: null },
    retail: { readyHa: 1, inProgressHa: {}, vacantPremisesM2: 0, grossFloorAreaM2: 1000 },
    industry: { readyHa: 0, inProgressHa: { unknown: 29 }, vacantPremisesM2: 0, grossFloorAreaM2: null },
    logistics: { readyHa: 0, inProgressHa: { unknown: 29 }, vacantPremisesM2: 0, grossFloorAreaM2: null },
    lab: { readyHa: 0, inProgressHa: { unknown: 29 }, vacantPremisesM2: 300, grossFloorAreaM2: null },
  },
  gamma: {
    office: { readyHa: 0, inProgressHa: {}, vacantPremisesM2: 0, grossFloorAreaM2: null },
    retail: { readyHa: 0, inProgressHa: {}, vacantPremisesM2: 0, grossFloorAreaM2: null },
    industry: { readyHa: 100, inProgressHa: {}, vacantPremisesM2: 900, grossFloorAreaM2: 7000 },
    logistics: { readyHa: 100, inProgressHa: {}, vacantPremisesM2: 900, grossFloorAreaM2: 7000 },
    lab: { readyHa: 100, inProgressHa: {}, vacantPremisesM2: 0, grossFloorAreaM2: 7000 },
  },
};
// Huddinge: alfa + beta + the parcel, zone and listing in no area; gamma is another municipality's.
const MUNICIPALITY: Record<string, Expect> = {
  office: { readyHa: 4, inProgressHa: { 2027: 4, 2028: 20 }, vacantPremisesM2: 500, grossFloorAreaM2: null },
  retail: { readyHa: 2, inProgressHa: {}, vacantPremisesM2: 0, grossFloorAreaM2: 24000 },
  industry: { readyHa: 26, inProgressHa: { 2028: 20, unknown: 29 }, vacantPremisesM2: 2400, grossFloorAreaM2: 105000 },
  logistics: { readyHa: 26, inProgressHa: { 2028: 20, unknown: 29 }, vacantPremisesM2: 2400, grossFloorAreaM2: 105000 },
  lab: { readyHa: 30, inProgressHa: { 2028: 20, unknown: 29 }, vacantPremisesM2: 300, grossFloorAreaM2: 105000 },
};
const USES = ['office', 'retail', 'industry', 'logistics', 'lab'];

/** Within 0.5 % (and an absolute 1e-6 for zero). */
function near(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(Math.abs(expected) * 0.005, 1e-6);
}
function expectFigures(label: string, got: Expect & Record<string, unknown>, want: Expect) {
  const ok =
    near(got.readyHa, want.readyHa) &&
    Object.keys(got.inProgressHa).sort().join() === Object.keys(want.inProgressHa).sort().join() &&
    Object.entries(want.inProgressHa).every(([y, v]) => near(got.inProgressHa[y], v)) &&
    near(got.vacantPremisesM2, want.vacantPremisesM2) &&
    (want.grossFloorAreaM2 === null ? got.grossFloorAreaM2 === null : got.grossFloorAreaM2 !== null && near(got.grossFloorAreaM2, want.grossFloorAreaM2));
  const pick = (x: Expect) => ({ readyHa: x.readyHa, inProgressHa: x.inProgressHa, vacantPremisesM2: x.vacantPremisesM2, grossFloorAreaM2: x.grossFloorAreaM2 });
  if (!ok) expect({ label, ...pick(got) }).toEqual({ label, ...pick(want) });
  expect(ok).toBe(true);
}

describe('GET /api/readiness on the fixture world', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadWorld(t.db);
  });
  afterAll(() => t.drop());

  test('when asked without filters, then there is one row per area and use with the hand-worked figures', async () => {
    const res = await request(t.app).get('/api/readiness').expect(200);
    expect(res.body.rows.map((r: { areaRef: string; use: string }) => `${r.areaRef}/${r.use}`)).toEqual(
      ['alfa', 'beta', 'gamma'].flatMap((a) => USES.map((u) => `${a}/${u}`)),
    );
    for (const row of res.body.rows) expectFigures(`${row.areaRef}/${row.use}`, row, AREAS[row.areaRef][row.use]);
  });

  test('when asked without filters, then the municipality rows cover its areas and land in no area, not other municipalities', async () => {
    const res = await request(t.app).get('/api/readiness').expect(200);
    expect(res.body.municipality.map((r: { use: string }) => r.use)).toEqual(USES);
    for (const row of res.body.municipality) expectFigures(`municipality/${row.use}`, row, MUNICIPALITY[row.use]);
    expect(res.body.municipalityCode).toBe('0126');
  });

  test('when filtered by area and use, then exactly that row comes back and the municipality row of that use', async () => {
    const res = await request(t.app).get('/api/readiness?area=beta&use=lab').expect(200);
    expect(res.body.rows).toHaveLength(1);
    expectFigures('beta/lab', res.body.rows[0], AREAS.beta.lab);
    expect(res.body.municipality).toHaveLength(1);
    expectFigures('municipality/lab', res.body.municipality[0], MUNICIPALITY.lab);
  });

  test('when a zone states no floor area, then the count of zones stating one tells, and remaining building rights are null', async () => {
    const res = await request(t.app).get('/api/readiness?area=alfa&use=lab').expect(200);
    expect(res.body.rows[0].grossFloorAreaZones).toEqual({ total: 2, stating: 1 });
    expect(res.body.rows[0].remainingBuildingRightsM2).toBeNull();
    expect(res.body.rows[0].vacantPremisesByKindM2).toEqual({});
    const logistics = await request(t.app).get('/api/readiness?area=alfa&use=logistics').expect(200);
    expect(logistics.body.rows[0].vacantPremisesByKindM2).toEqual({ warehouse: 2000 });
  });

  test('when the figures are checked against a plain PostGIS sum of the available parcels, then they agree', async () => {
    // Independent of use_overlay: in-force industry (J/Z) zones of alfa never overlap, so a plain sum works.
    const { rows } = await t.db.query(`
      select sum(ST_Area(ST_Intersection(l.geom, z.geom))) / 10000 as ha
      from land_parcels l join plan_zones z on ST_Intersects(l.geom, z.geom) join plans p using (plan_id)
      where l.area_ref = 'alfa' and l.status = 'available' and p.status = 'in_force' and z.use_codes && '{J,Z}'`);
    const res = await request(t.app).get('/api/readiness?area=alfa&use=industry').expect(200);
    expect(near(res.body.rows[0].readyHa, Number(rows[0].ha))).toBe(true);
  });

  test('when a listing is confirmed again, then it counts as vacant again', async () => {
    const t2 = await createTestApp();
    try {
      await loadWorld(t2.db);
      await t2.db.query("update premises set confirmed_at = now() where ref = 'PR3'");
      const res = await request(t2.app).get('/api/readiness?area=alfa&use=industry').expect(200);
      expect(res.body.rows[0].vacantPremisesM2).toBe(3000);
    } finally {
      await t2.drop();
    }
  });

  test.each([
    ['area=nowhere', 'area'],
    ['use=housing', 'use'],
    ['area=', 'area'],
    ['colour=red', 'colour'],
    ['area=alfa&area=beta', 'area'],
    ['format=xlsx', 'format'],
  ])('when the query is %s, then 400 names the field', async (qs, field) => {
    const res = await request(t.app).get(`/api/readiness?${qs}`).expect(400);
    expect(res.body.code).toEqual(expect.any(String));
    expect(res.body.message).toContain(field);
  });

  test('when CSV is asked for, then it is UTF-8 with a BOM, Swedish headers and the same figures', async () => {
    const res = await request(t.app).get('/api/readiness?format=csv&use=industry').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const text = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n').map((l) => l.split(';'));
    expect(lines[0][0]).toBe('Område');
    const alfa = lines.find((l) => l[0] === 'alfa')!;
    expect(alfa.slice(0, 3)).toEqual(['alfa', 'industry', '24']);
    const en = await request(t.app).get('/api/readiness?format=csv&use=industry&lang=en').expect(200);
    expect(en.text.slice(1).split('\r\n')[0].split(',')[0]).toBe('Area');
  });

  test('when the OpenAPI document is read, then every readiness endpoint is described with its parameters', async () => {
    const res = await request(t.app).get('/api/openapi.json').expect(200);
    for (const path of ['/api/readiness', '/api/readiness/pipeline', '/api/readiness/unmet-demand']) {
      const op = res.body.paths[path]?.get;
      expect({ path, described: Boolean(op) }).toEqual({ path, described: true });
      expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['area', 'format']));
      expect(op.responses).toHaveProperty('400');
    }
  });
});
