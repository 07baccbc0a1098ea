// GET /api/plan-documents/{planId} (issue 12 part 1): a plan back as NIS Detaljplan v4;
// import → export → import is lossless for what Etablera stores; the match finds the zones
// of an imported plan.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { importNisDocument } from '../../api/src/plans/national/import-service';
import { readNisDocument } from '../../api/src/plans/national/read-document';
import { loadFeatures } from '../../api/src/layers/loader';
import { withTransaction } from '../../api/src/db/transaction';
import { CATALOGUE as C, documentOf, planFeature, rectRing, regulationFeature } from '../support/nis-builder';

const EXAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/nis/example-plan.json'), 'utf8'));
const EXAMPLE_ID = 'b34c57f9-091c-44a5-8d44-3249ebc65ade';
const MEDIA = 'application/vnd.lm.detaljplan.v4+json';

const rect = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon', coordinates: [rectRing([x0, y0, x1, y1])] });

/** A plan in force in EPSG:3011 with a mixed J/K zone in two parts, a street and building rights. */
function localZonePlan() {
  const id = '66666666-6666-4666-8666-666666666666';
  // corners of 3006 rectangles converted with gdaltransform -s_srs EPSG:3006 -t_srs EPSG:3011
  const plan = [[147615.75727685, 6565780.19158047], [148015.372351177, 6565762.20119577], [148033.363056232, 6566161.81591925], [147633.748012402, 6566179.80697514], [147615.75727685, 6565780.19158047]];
  const zone = [[147720.158727415, 6565875.59779101], [147919.966260766, 6565866.60251477], [147928.961617103, 6566066.4099604], [147729.154091376, 6566075.40540445], [147720.158727415, 6565875.59779101]];
  return documentOf([
    planFeature({
      id, srid: 3011, status: 'laga kraft', beteckning: 'Dp 3011', boundary: [plan], version: 4,
      beslut: [{ diarienummerKommun: 'KS 2020/9', datumPaborjat: '2022-02-01', datumAntagande: '2024-01-15', datumLagakraft: ['2024-02-20'], genomforandetid: 120, genomforandetidStartar: '2024-02-20' }],
    }),
    regulationFeature({ plan: id, catalogue: C.J, wording: 'Industri', rings: [zone], srid: 3011 }),
    regulationFeature({ plan: id, catalogue: C.K, wording: 'Kontor', rings: [zone], srid: 3011 }),
    regulationFeature({
      plan: id, kind: 'egenskapsbestämmelse', catalogue: C.TOTAL_H, wording: 'Högsta totalhöjd är [höjd:decimaltal] meter.', rings: [zone], srid: 3011,
      values: [{ datatyp: 'decimaltal', variabelvarde: '21.5', beskrivning: 'höjd', vardetyp: 'max', enhet: 'meter' }],
      extra: { planbestammelsebeskrivning: { motiv: 'Stadsbilden.' } },
    }),
  ]);
}

describe('plan documents (NIS Detaljplan v4 export)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.drop());

  /** What Etablera stores of one plan, geometry to the millimetre. */
  async function stored(planId: string) {
    const plan = await t.db.query(
      `select plan_id, national_id, national_version, version_valid_from, name, designation, municipality_name, purpose,
              plan_type, status, status_changed_at, diary_number, started_date, adopted_date, legal_force_date,
              implementation_start_date, implementation_months, implementation_end_date, geometry_metadata,
              ST_AsText(ST_Normalize(ST_SnapToGrid(boundary, 0.001))) as boundary
       from plans where plan_id = $1`, [planId]);
    const zones = await t.db.query(
      `select ref, use_codes, max_gross_floor_area_m2, max_gross_floor_area_percent, max_building_area_m2,
              max_building_area_percent, max_height_m, ST_AsText(ST_Normalize(ST_SnapToGrid(geom, 0.001))) as geom
       from plan_zones where plan_id = $1 order by ref`, [planId]);
    const regs = await t.db.query(
      `select national_id, ord, kind, catalogue_id, wording, original_wording, variable_values, regulates, motive, zone_ref,
              geometry_metadata, ST_AsText(ST_Normalize(ST_SnapToGrid(geom, 0.001))) as geom
       from plan_regulations where plan_id = $1 order by ord`, [planId]);
    return { plan: plan.rows, zones: zones.rows, regs: regs.rows };
  }

  const exported = async (planId: string) => {
    const res = await request(t.app).get(`/api/plan-documents/${planId}`).expect(200);
    expect(res.headers['content-type']).toMatch(MEDIA);
    return JSON.parse(res.text);
  };

  test('when the example plan of the format notes is imported and exported, then the export is the example itself', async () => {
    await importNisDocument(t.db, EXAMPLE, 'test');
    expect(await exported(EXAMPLE_ID)).toEqual(EXAMPLE);
  });

  test.each([
    ['the example plan', () => EXAMPLE, EXAMPLE_ID],
    ['a plan in force delivered in EPSG:3011', localZonePlan, '66666666-6666-4666-8666-666666666666'],
  ])('when %s goes import → export → import, then what Etablera stores is the same and so is the next export', async (_n, document, planId) => {
    const doc = document();
    const first = await importNisDocument(t.db, doc, 'test');
    expect(['created', 'unchanged']).toContain(first.outcome);
    const before = await stored(planId);
    expect(before.zones.length).toBeGreaterThan(0);
    const out = await exported(planId);
    expect(() => readNisDocument(out)).not.toThrow();

    await t.db.query('delete from plans where plan_id = $1', [planId]);
    expect((await importNisDocument(t.db, out, 'test')).outcome).toBe('created');
    expect(await stored(planId)).toEqual(before);
    expect(await exported(planId)).toEqual(out);
  });

  test('when the 3011 plan is exported, then its geometry is in EPSG:3006 at the original corners, its dates and rights are kept', async () => {
    const out = await exported('66666666-6666-4666-8666-666666666666');
    const [plan, j, k, h] = out.features.map((f: { properties: Record<string, unknown> }) => f.properties);
    expect(plan).toMatchObject({
      status: 'laga kraft', objektversion: 4, beteckning: 'Dp 3011', kommun: 'Huddinge',
      beslutsinformation: [{ diarienummerKommun: 'KS 2020/9', datumPaborjat: '2022-02-01', datumAntagande: '2024-01-15', datumLagakraft: ['2024-02-20'], genomforandetid: 120, genomforandetidStartar: '2024-02-20' }],
    });
    const geom = (j as { bestammelsegeometri: Array<{ geometri: { koordinatsystemPlan: string; position: { coordinates: number[][][] } } }> }).bestammelsegeometri[0].geometri;
    expect(geom.koordinatsystemPlan).toBe('EPSG:3006');
    const corners = geom.position.coordinates[0].map(([x, y]) => `${Math.round(x)} ${Math.round(y)}`).sort();
    expect(corners).toEqual(['669000 6567000', '669000 6567000', '669000 6567200', '669200 6567000', '669200 6567200'].sort());
    expect(k).toMatchObject({ planbestammelsekatalogreferens: C.K, bestammelseformulering: 'Kontor' });
    expect(h).toMatchObject({ bestammelsevarde: [{ variabelvarde: '21.5', enhet: 'meter', vardetyp: 'max' }], planbestammelsebeskrivning: { motiv: 'Stadsbilden.' } });
    const zone = await t.db.query("select use_codes, max_height_m from plan_zones where plan_id = '66666666-6666-4666-8666-666666666666'");
    expect(zone.rows).toEqual([{ use_codes: ['J', 'K'], max_height_m: 21.5 }]);
  });

  test('when a plan was drawn in Etablera, then it exports with the catalogue\'s base provisions and its building rights, re-readable', async () => {
    await withTransaction(t.db, (c) => loadFeatures(c, 'municipalities', [{
      type: 'Feature', geometry: rect(660000, 6560000, 690000, 6580000), properties: { ref: '0126', name: 'Huddinge' },
    }], { srid: 3006 }));
    await withTransaction(t.db, (c) => loadFeatures(c, 'plans', [{
      type: 'Feature', geometry: rect(680000, 6570000, 680100, 6570100),
      properties: { ref: 'DRAWN-1', planId: 'P-DRAWN', planName: 'Ritad plan', status: 'review', useCodes: ['Z', 'J1'], maxGrossFloorAreaPercent: 80, maxHeightM: 15 },
    }], { srid: 3006 }));
    const out = await exported('P-DRAWN');
    const doc = readNisDocument(out);
    expect(doc.plan).toMatchObject({ status: 'granskning', namn: 'Ritad plan', kommun: 'Huddinge' });
    expect(doc.regulations.map((r) => [r.props['feature:typ'], r.props.planbestammelsekatalogreferens, r.props.bestammelsevarde?.[0]?.variabelvarde ?? null])).toEqual([
      ['användningsbestämmelse', C.Z, null],
      ['användningsbestämmelse', C.J, null],
      ['egenskapsbestämmelse', C.GFA_PCT, '80'],
      ['egenskapsbestämmelse', C.TOTAL_H, '15'],
    ]);
    // stable identities: the same export twice
    expect(await exported('P-DRAWN')).toEqual(out);

    // Loaded back (e.g. as delivered and returned by the national platform), the file finds
    // the drawn plan and zone it came from: no second plan, the zone keeps its ref and rights.
    const plansBefore = (await t.db.query('select count(*)::int as n from plans')).rows[0].n;
    expect((await importNisDocument(t.db, out, 'test')).outcome).toBe('updated');
    expect((await t.db.query('select count(*)::int as n from plans')).rows[0].n).toBe(plansBefore);
    const zones = await t.db.query(
      "select ref, use_codes, max_gross_floor_area_percent as pct, max_height_m as h from plan_zones where plan_id = 'P-DRAWN'");
    expect(zones.rows).toEqual([{ ref: 'DRAWN-1', use_codes: ['Z', 'J'], pct: 80, h: 15 }]);
    const [plan] = (await t.db.query("select national_id, status from plans where plan_id = 'P-DRAWN'")).rows;
    expect(plan).toEqual({ national_id: out.features[0].properties.objektidentitet, status: 'review' });
    expect(await exported('P-DRAWN')).toEqual(out);
  });

  test('when the plan is unknown or a planning programme, then 404 and 409 with { code, message }', async () => {
    const missing = await request(t.app).get('/api/plan-documents/NOPE').expect(404);
    expect(missing.body).toEqual({ code: 'not_found', message: "No plan with planId 'NOPE'" });
    await withTransaction(t.db, (c) => loadFeatures(c, 'plans', [{
      type: 'Feature', geometry: rect(680200, 6570000, 680300, 6570100),
      properties: { ref: 'PROG-1', planId: 'P-PROG', planName: 'Program', status: 'programme', useCodes: ['J'] },
    }], { srid: 3006 }));
    const prog = await request(t.app).get('/api/plan-documents/P-PROG').expect(409);
    expect(prog.body).toMatchObject({ code: 'not_exportable', message: expect.stringMatching(/planning programme/) });
  });

  test('when a parcel lies in the imported plan\'s J zone, then the match finds it in progress under that plan; one in the K zone is the wrong use', async () => {
    await importNisDocument(t.db, EXAMPLE, 'test'); // unchanged when an earlier test loaded it
    await withTransaction(t.db, async (c) => {
      await loadFeatures(c, 'stops', [{ type: 'Feature', geometry: { type: 'Point', coordinates: [668600, 6566450] }, properties: { ref: 'S-EX', name: 'Exempel station', mode: 'commuter_rail' } }], { srid: 3006 });
      await loadFeatures(c, 'land', [
        { type: 'Feature', geometry: rect(668450, 6566150, 668550, 6566350), properties: { ref: 'EX-J', ownerType: 'municipal', status: 'available' } },
        { type: 'Feature', geometry: rect(668650, 6566150, 668750, 6566350), properties: { ref: 'EX-K', ownerType: 'municipal', status: 'available' } },
      ], { srid: 3006 });
    });
    const res = await request(t.app).post('/api/match').send({ need: 'land', use: 'industry', minAreaM2: 10000 }).expect(200);
    const hit = res.body.results.filter((r: { ref: string }) => r.ref.startsWith('EX-'));
    // EX-J: 100 × 200 m = 20 000 m² inside the J zone of the samråd plan → in progress
    expect(hit).toEqual([expect.objectContaining({ ref: 'EX-J', usableAreaM2: 20000, readiness: 'in_progress', planIds: [EXAMPLE_ID] })]);
    expect(res.body.excluded.wrongUse).toBe(1); // EX-K: K is no industry use
  });
});
