// NIS Detaljplan v4 import (issue 12 part 1): the example plan of the format notes and plans
// written here import with their zones, use codes, building rights, status and dates.
// Expected values are worked out by hand from the documents below, never from the importer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createTestDb, type TestDb } from '../support/test-db';
import { importNisDocument, importNisFile } from '../../api/src/plans/national/import-service';
import { CATALOGUE as C, documentOf, planFeature, rectRing, regulationFeature, rightFeature } from '../support/nis-builder';

const EXAMPLE = path.join(__dirname, '../fixtures/nis/example-plan.json');
const repoRoot = path.resolve(__dirname, '../..');

const PLAN = '11111111-1111-4111-8111-111111111111';
const J_USE = '2a000000-0000-4000-8000-00000000000a';
const K_USE = '2a000000-0000-4000-8000-00000000000b';
const LAGER = '2b000000-0000-4000-8000-00000000000b';
const Z_USE = '2c000000-0000-4000-8000-00000000000c';
const GATA = '2d000000-0000-4000-8000-00000000000d';

/**
 * Laga kraft, 600 × 300 m: zone A (J and K, 200 m wide, delivered as two regulations of two
 * parts each), zone B (J# Lager, 200 m), zone C (Z, 100 m), a street (allmän plats, 100 m).
 */
function lannaDocument() {
  const y: [number, number] = [6566000, 6566300];
  const r = (x0: number, x1: number) => rectRing([x0, y[0], x1, y[1]]);
  const aParts = [r(669000, 669100), r(669100, 669200)];
  return documentOf([
    planFeature({
      id: PLAN, status: 'laga kraft', beteckning: 'Dp 2024-03', name: 'Detaljplan för Testkvarteren', boundary: [r(669000, 669600)],
      extra: { datumStatusforandring: '2024-09-02' },
      beslut: [
        { diarienummerKommun: 'SBF 2022/17', datumPaborjat: '2022-03-01', datumAntagande: '2024-05-20', datumLagakraft: ['2024-06-20', '2024-09-02'], genomforandetid: 60, genomforandetidStartar: '2024-09-02' },
      ],
    }),
    regulationFeature({ plan: PLAN, id: J_USE, catalogue: C.J, wording: 'Industri', rings: aParts }),
    regulationFeature({ plan: PLAN, id: K_USE, catalogue: C.K, wording: 'Kontor', rings: aParts }),
    regulationFeature({ plan: PLAN, id: LAGER, catalogue: C.J_LAGER, wording: 'Lager', rings: [r(669200, 669400)] }),
    regulationFeature({ plan: PLAN, id: Z_USE, catalogue: C.Z, wording: 'Verksamheter', rings: [r(669400, 669500)] }),
    regulationFeature({ plan: PLAN, id: GATA, catalogue: C.GATA, wording: 'Gata', rings: [r(669500, 669600)] }),
    rightFeature(PLAN, C.BA_PCT, 'utnyttjandegrad', '40', 'procent', [r(669000, 669200)]),
    rightFeature(PLAN, C.GFA_M2, 'exploatering', '9000', 'kvadratmeter', [r(669200, 669500)]),
    rightFeature(PLAN, C.TOTAL_H, 'höjd', '24', 'meter', [r(669000, 669200)]),
    rightFeature(PLAN, C.NOCK_H, 'höjd', '18', 'meter', [r(669000, 669200)]),
    rightFeature(PLAN, C.NOCK_H, 'höjd', '12,0', 'meter', [r(669200, 669400)]),
    rightFeature(PLAN, C.GFA_PCT, 'utnyttjandegrad', '50', 'procent', [r(669350, 669450)]),
  ]);
}

describe('gis:load plans <NIS Detaljplan v4 file>', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  const zones = async (planId: string) =>
    (await t.db.query(
      `select ref, use_codes, max_gross_floor_area_m2 as gfa_m2, max_gross_floor_area_percent as gfa_pct,
              max_building_area_m2 as ba_m2, max_building_area_percent as ba_pct, max_height_m as h,
              round(ST_Area(geom)) as area, GeometryType(geom) as type
       from plan_zones where plan_id = $1 order by ref`, [planId])).rows;

  test('when the example plan of the format notes is loaded with the CLI, then the plan, its two zones and the J zone\'s 120 % gross floor area are stored', () => {
    const r = spawnSync('npx', ['tsx', 'gis-data/src/load-cli.ts', 'plans', EXAMPLE], {
      cwd: repoRoot, env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/'Detaljplan för verksamhetskvarter vid Exempelvägen' \(b34c57f9-091c-44a5-8d44-3249ebc65ade, objektversion 1\) .*: created/);
    expect(r.stdout).toMatch(/status consultation, 2 zone\(s\) \(1 with building rights\), 3 regulation\(s\) kept/);
  });

  test('when the example plan is read back, then samråd is consultation, dates and identity are the document\'s, zones are J and K of 6 ha each', async () => {
    const { rows } = await t.db.query(
      `select plan_id, national_id, name, designation, status, status_changed_at, started_date, legal_force_date,
              municipality_name, national_version, diary_number, round(ST_Area(boundary)) as area
       from plans where national_id = 'b34c57f9-091c-44a5-8d44-3249ebc65ade'`);
    expect(rows).toEqual([{
      plan_id: 'b34c57f9-091c-44a5-8d44-3249ebc65ade', national_id: 'b34c57f9-091c-44a5-8d44-3249ebc65ade',
      name: 'Detaljplan för verksamhetskvarter vid Exempelvägen', designation: 'Dp 2025-07', status: 'consultation',
      status_changed_at: '2026-03-02', started_date: '2025-09-15', legal_force_date: null, municipality_name: 'Huddinge',
      national_version: 1, diary_number: 'SBF 2025/0123', area: 120000, // 400 m × 300 m
    }]);
    expect(await zones('b34c57f9-091c-44a5-8d44-3249ebc65ade')).toEqual([
      { ref: '2bc176a6-61c9-4cdd-81a1-aea5cd7f25a0', use_codes: ['J'], gfa_m2: null, gfa_pct: 120, ba_m2: null, ba_pct: null, h: null, area: 60000, type: 'POLYGON' },
      { ref: '7180a306-a5e1-4f2a-90de-5b3c411809d8', use_codes: ['K'], gfa_m2: null, gfa_pct: null, ba_m2: null, ba_pct: null, h: null, area: 60000, type: 'POLYGON' },
    ]);
    const audit = await t.db.query("select action, account_id, account_email from audit_log where entity = 'plan' and entity_ref = 'b34c57f9-091c-44a5-8d44-3249ebc65ade'");
    expect(audit.rows).toEqual([{ action: 'create', account_id: null, account_email: 'system: gis:load NIS Detaljplan v4' }]);
  });

  test('when the example plan is exported with the CLI, then the file is the example document again', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nis-export-')), 'plan.json');
    const r = spawnSync('npx', ['tsx', 'gis-data/src/export-plan-cli.ts', 'b34c57f9-091c-44a5-8d44-3249ebc65ade', out], {
      cwd: repoRoot, env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')));
  });

  test('when the same file is loaded again, then nothing changes (no version bump, no audit entry)', async () => {
    const before = await t.db.query("select version from plans where plan_id = 'b34c57f9-091c-44a5-8d44-3249ebc65ade'");
    const s = await importNisFile(t.db, EXAMPLE);
    expect(s.outcome).toBe('unchanged');
    const after = await t.db.query("select version from plans where plan_id = 'b34c57f9-091c-44a5-8d44-3249ebc65ade'");
    expect(after.rows).toEqual(before.rows);
    const audit = await t.db.query("select count(*)::int as n from audit_log where entity_ref = 'b34c57f9-091c-44a5-8d44-3249ebc65ade'");
    expect(audit.rows[0].n).toBe(1);
  });

  test('when a plan in force with mixed use, split parts, a street and building rights is loaded, then zones, codes, rights and dates follow the document', async () => {
    const s = await importNisDocument(t.db, lannaDocument(), 'test');
    expect(s).toMatchObject({ outcome: 'created', status: 'in_force', zones: 3, regulations: 11, zonesWithBuildingRights: 3 });
    // The 50 % regulation over x 669350–669450 covers 50 of zone B's 200 m (25 %) and 50 of C's 100 m (50 %).
    expect(s.notes).toEqual([
      expect.stringMatching(/'Största area .*' covers 25\.0 % of zone 2b000000-0000-4000-8000-00000000000b: not attached/),
      expect.stringMatching(/covers 50\.0 % of zone 2c000000-0000-4000-8000-00000000000c: not attached/),
    ]);
    const { rows } = await t.db.query(
      `select status, designation, started_date, adopted_date, legal_force_date, implementation_start_date,
              implementation_months, implementation_end_date, status_changed_at from plans where plan_id = $1`, [PLAN]);
    expect(rows).toEqual([{
      status: 'in_force', designation: 'Dp 2024-03', started_date: '2022-03-01', adopted_date: '2024-05-20',
      legal_force_date: '2024-09-02', // the later of the two legal-force dates
      implementation_start_date: '2024-09-02', implementation_months: 60, implementation_end_date: '2029-09-02', // + 60 months
      status_changed_at: '2024-09-02',
    }]);
    expect(await zones(PLAN)).toEqual([
      // A: two regulations (J, K) with the same two parts → one zone 200 × 300 m; 40 % building area;
      // total height 24 m wins over ridge height 18 m.
      { ref: J_USE, use_codes: ['J', 'K'], gfa_m2: null, gfa_pct: null, ba_m2: null, ba_pct: 40, h: 24, area: 60000, type: 'POLYGON' },
      // B: J# Lager → J; 9000 m² over B+C (90 000 m²) → 9000 × 60 000 / 90 000 = 6000; ridge 12,0 → 12.
      { ref: LAGER, use_codes: ['J'], gfa_m2: 6000, gfa_pct: null, ba_m2: null, ba_pct: null, h: 12, area: 60000, type: 'POLYGON' },
      // C: 9000 × 30 000 / 90 000 = 3000.
      { ref: Z_USE, use_codes: ['Z'], gfa_m2: 3000, gfa_pct: null, ba_m2: null, ba_pct: null, h: null, area: 30000, type: 'POLYGON' },
    ]);
    const regs = await t.db.query('select kind, zone_ref from plan_regulations where plan_id = $1 order by ord', [PLAN]);
    expect(regs.rows.slice(0, 5)).toEqual([
      { kind: 'användningsbestämmelse', zone_ref: J_USE },
      { kind: 'användningsbestämmelse', zone_ref: J_USE },
      { kind: 'användningsbestämmelse', zone_ref: LAGER },
      { kind: 'användningsbestämmelse', zone_ref: Z_USE },
      { kind: 'användningsbestämmelse', zone_ref: null }, // the street is kept, but is no kvartersmark zone
    ]);
    expect(regs.rows).toHaveLength(11);
  });

  test('when the database is migrated, then every CRS a plan file may declare (EPSG:3006–3018) is known to PostGIS', async () => {
    const { rows } = await t.db.query('select array_agg(srid order by srid) as s from spatial_ref_sys where srid between 3006 and 3018');
    expect(rows[0].s).toEqual([3006, 3007, 3008, 3009, 3010, 3011, 3012, 3013, 3014, 3015, 3016, 3017, 3018]);
  });

  test('when a plan is delivered in EPSG:3011 (SWEREF 99 18 00), then it is stored in 3006 at the same place', async () => {
    // Corners of 3006 rectangles, converted with `gdaltransform -s_srs EPSG:3006 -t_srs EPSG:3011`:
    // plan 668900–669300 × 6566900–6567300, zone 669000–669200 × 6567000–6567200.
    const plan3011 = [[147615.75727685, 6565780.19158047], [148015.372351177, 6565762.20119577], [148033.363056232, 6566161.81591925], [147633.748012402, 6566179.80697514], [147615.75727685, 6565780.19158047]];
    const zone3011 = [[147720.158727415, 6565875.59779101], [147919.966260766, 6565866.60251477], [147928.961617103, 6566066.4099604], [147729.154091376, 6566075.40540445], [147720.158727415, 6565875.59779101]];
    const id = '30110000-0000-4000-8000-000000000001';
    const zoneId = '30110000-0000-4000-8000-000000000002';
    await importNisDocument(t.db, documentOf([
      planFeature({ id, boundary: [plan3011], srid: 3011 }),
      regulationFeature({ plan: id, id: zoneId, catalogue: C.J, wording: 'Industri', rings: [zone3011], srid: 3011 }),
    ]), 'test');
    const { rows } = await t.db.query(
      `select ST_X(p.geom) as x, ST_Y(p.geom) as y, ST_Area(z.geom) as area
       from plan_zones z, ST_DumpPoints(z.geom) d, lateral (select d.geom) p where z.ref = $1 order by d.path`, [zoneId]);
    const expected = [[669000, 6567000], [669200, 6567000], [669200, 6567200], [669000, 6567200], [669000, 6567000]];
    const got = rows.map((r) => [r.x, r.y]);
    // the ring may start at another corner after the union: compare as a set of corners
    for (const [x, y] of expected) {
      expect(got.some(([gx, gy]) => Math.abs(gx - x) < 0.01 && Math.abs(gy - y) < 0.01)).toBe(true);
    }
    expect(got).toHaveLength(5);
    expect(rows[0].area).toBeCloseTo(40000, 0);
  });
});
