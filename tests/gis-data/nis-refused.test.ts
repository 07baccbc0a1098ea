// Every bad NIS Detaljplan v4 file is refused naming the object (feature index,
// objektidentitet, regulation) and the rule, and nothing is stored; newer versions update a
// plan forward only.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { createTestDb, type TestDb } from '../support/test-db';
import { importNisDocument } from '../../api/src/plans/national/import-service';
import { LoadError } from '../../api/src/layers/load-error';
import { CATALOGUE as C, documentOf, planFeature, rectRing, regulationFeature, rightFeature } from '../support/nis-builder';

const repoRoot = path.resolve(__dirname, '../..');
const PLAN = '44444444-4444-4444-8444-444444444444';
const ZONE = '44444444-0000-4000-8000-00000000000a';
const RIGHT = '44444444-0000-4000-8000-00000000000e';
const boundary = rectRing([670000, 6570000, 670400, 6570200]);
const west = rectRing([670000, 6570000, 670200, 6570200]);
const east = rectRing([670200, 6570000, 670400, 6570200]);

type Doc = ReturnType<typeof documentOf>;
type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid plan: J west with 50 % gross floor area, K east; `edit` breaks one thing. */
function doc(edit: (features: Props[]) => void = () => {}): Doc {
  const features = [
    planFeature({ id: PLAN, boundary: [boundary] }),
    regulationFeature({ plan: PLAN, id: ZONE, catalogue: C.J, wording: 'Industri', rings: [west] }),
    regulationFeature({ plan: PLAN, catalogue: C.K, wording: 'Kontor', rings: [east] }),
    rightFeature(PLAN, C.GFA_PCT, 'utnyttjandegrad', '50', 'procent', [west], RIGHT),
  ] as Props[];
  edit(features);
  return documentOf(features);
}

describe('NIS Detaljplan v4 files that are refused', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  /** A fingerprint of everything an import writes. */
  async function snapshot(): Promise<string> {
    const { rows } = await t.db.query(`select
      (select coalesce(string_agg(plan_id || status || version || coalesce(national_version, 0), '|' order by plan_id), '') from plans) ||
      (select coalesce(string_agg(ref || version || ST_AsText(geom), '|' order by ref), '') from plan_zones) ||
      (select count(*) from plan_regulations) || '/' || (select count(*) from audit_log) as s`);
    return rows[0].s;
  }

  test.each<[string, (f: Props[]) => void, RegExp]>([
    ['a use regulation names an unknown catalogue UUID',
      (f) => { f[1].properties.planbestammelsekatalogreferens = '00000000-0000-4000-8000-000000000000'; },
      /feature 1 \(ref '44444444-0000-4000-8000-00000000000a'\): användningsbestämmelse 'Industri': planbestammelsekatalogreferens 00000000-0000-4000-8000-000000000000: not a use provision of Boverket's catalogue release 20251201 \(unknown, or no longer in force\)/],
    ['a number has no enhet',
      (f) => { delete f[3].properties.bestammelsevarde[0].enhet; },
      /feature 3 \(ref '44444444-0000-4000-8000-00000000000e'\): egenskapsbestämmelse 'Största area .*': bestammelsevarde\[0\] 'utnyttjandegrad': DP-0009: a decimaltal needs enhet/],
    ['a number has no vardetyp',
      (f) => { delete f[3].properties.bestammelsevarde[0].vardetyp; },
      /feature 3 .*: DP-0009: a decimaltal needs vardetyp/],
    ['a building right carries the wrong unit',
      (f) => { f[3].properties.bestammelsevarde[0].enhet = 'kvadratmeter'; },
      /feature 3 .*: bestammelsevarde 'utnyttjandegrad': enhet must be 'procent' for this provision, not 'kvadratmeter'/],
    ['values do not follow the wording\'s variables',
      (f) => { f[3].properties.bestammelsevarde[0].beskrivning = 'exploatering'; },
      /feature 3 .*: DP-0022: value for 'exploatering' where the wording's variable 1 is 'utnyttjandegrad'/],
    ['a zone lies outside its plan',
      (f) => { f[2].properties.bestammelsegeometri[0].geometri.position.coordinates = [rectRing([670200, 6570000, 670500, 6570200])]; },
      /feature 2 \(ref '[0-9a-f-]+'\): användningsbestämmelse 'Kontor': DP-0003: lies outside the plan area \(20000 m² outside, 10 cm tolerance\)/],
    ['the plan has no name',
      (f) => { delete f[0].properties.namn; },
      /feature 0 \(ref '44444444-4444-4444-8444-444444444444'\): detaljplan: namn: /],
    ['the plan has no beslutsinformation',
      (f) => { delete f[0].properties.beslutsinformation; },
      /feature 0 .*: detaljplan: beslutsinformation: /],
    ['a regulation has no geometry',
      (f) => { delete f[2].properties.bestammelsegeometri; },
      /feature 2 \(ref '[0-9a-f-]+'\): användningsbestämmelse: bestammelsegeometri: /],
    ['the status is not of the codelist',
      (f) => { f[0].properties.status = 'lagaKraft'; },
      /feature 0 .*: detaljplan: status: /],
    ['a plan in force has no legal force date',
      (f) => { Object.assign(f[0].properties, { status: 'laga kraft', beteckning: 'Dp 1' }); },
      /feature 0 .*: detaljplan 'Testplan': beslutsinformation: DP-0017: datumLagakraft is required when the status is laga kraft/],
    ['a regulation belongs to another plan',
      (f) => { f[2].properties.detaljplan = '55555555-5555-4555-8555-555555555555'; },
      /feature 2 .*: detaljplan: 55555555-5555-4555-8555-555555555555 is not this file's plan 44444444-4444-4444-8444-444444444444/],
    ['a geometry part intersects itself',
      (f) => { f[1].properties.bestammelsegeometri[0].geometri.position.coordinates = [[[670000, 6570000], [670200, 6570200], [670200, 6570000], [670000, 6570200], [670000, 6570000]]]; },
      /feature 1 \(ref '44444444-0000-4000-8000-00000000000a'\): användningsbestämmelse 'Industri': geometry part \d+: invalid geometry: Self-intersection/],
    ['coordinates are in another zone than declared',
      (f) => { f[1].properties.bestammelsegeometri[0].geometri.koordinatsystemPlan = 'EPSG:4326'; },
      /feature 1 .*: bestammelsegeometri\.0\.geometri\.koordinatsystemPlan: /],
    ['coordinates are declared in another SWEREF 99 zone than they are in (3018 for 3006 metres)',
      (f) => { f[2].properties.bestammelsegeometri[0].geometri.koordinatsystemPlan = 'EPSG:3018'; },
      /feature 2 \(ref '[0-9a-f-]+'\): användningsbestämmelse 'Kontor': geometry part \d+: lies outside Sweden in EPSG:3018 \(first position 670200 6570000\): wrong koordinatsystemPlan or swapped axes\?/],
    ['a zone is larger than a plan zone may be (10 × 6 km in a plan of the same size)',
      (f) => {
        const huge = rectRing([670000, 6570000, 680000, 6576000]);
        f[0].properties.plangeometri[0].geometri.position.coordinates = [huge];
        f[1].properties.bestammelsegeometri[0].geometri.position.coordinates = [rectRing([670000, 6570000, 680000, 6576000])];
        f.splice(2, 2);
      },
      /feature 1 \(ref '44444444-0000-4000-8000-00000000000a'\): användningsbestämmelse 'Industri': as a zone: area 60 km² is larger than a plan zone may be \(50 km²\)/],
    ['an uncertainty is given (DP-0010)',
      (f) => { f[1].properties.bestammelsegeometri[0].geometri.absolutLagesosakerhetPlan = 0.5; },
      /feature 1 .*: DP-0010: absolutLagesosakerhetPlan\/Hojd must not be given/],
  ])('when %s, then the file is refused with the object and the reason, and nothing is stored', async (_name, edit, reason) => {
    const before = await snapshot();
    const err = await importNisDocument(t.db, doc(edit), 'test').catch((e) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toMatch(reason);
    expect(await snapshot()).toBe(before);
  });

  test('when the media type is missing, then the file is refused as not a v4 document', async () => {
    const d = doc() as Record<string, unknown>;
    delete d['feature:mediatyp'];
    await expect(importNisDocument(t.db, d, 'test')).rejects.toThrow(/feature:mediatyp: must be "application\/vnd\.lm\.detaljplan\.v4\+json" \(found null\)/);
  });

  test('when the CLI is given a bad file, then it exits non-zero naming the regulation and the database is unchanged', async () => {
    const before = await snapshot();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nis-')), 'bad.json');
    fs.writeFileSync(file, JSON.stringify(doc((f) => { f[1].properties.planbestammelsekatalogreferens = '00000000-0000-4000-8000-000000000000'; })));
    const r = spawnSync('npx', ['tsx', 'gis-data/src/load-cli.ts', 'plans', file], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not loaded, the database is unchanged\.\nfeature 1 \(ref '44444444-0000-4000-8000-00000000000a'\): användningsbestämmelse 'Industri': planbestammelsekatalogreferens 00000000/);
    expect(await snapshot()).toBe(before);
  });

  test('when a plan drawn in Etablera already has the document\'s objektidentitet as planId, then the file is refused and that plan is untouched', async () => {
    const id = '77777777-7777-4777-8777-777777777777';
    await t.db.query("insert into plans (plan_id, name, status) values ($1, 'Ritad', 'review')", [id]);
    const before = await snapshot();
    const d = doc((f) => {
      for (const x of f) x.properties[x.properties['feature:typ'] === 'detaljplan' ? 'objektidentitet' : 'detaljplan'] = id;
      for (const x of f.slice(1)) x.properties.objektidentitet = x.properties.objektidentitet.replace(/^4/, '7');
    });
    await expect(importNisDocument(t.db, d, 'test')).rejects.toThrow(/feature 0 \(ref '77777777-7777-4777-8777-777777777777'\): detaljplan 'Testplan': planId 77777777-7777-4777-8777-777777777777 belongs to a plan drawn in Etablera/);
    expect(await snapshot()).toBe(before);
    await t.db.query('delete from plans where plan_id = $1', [id]);
  });

  describe('versions of one plan', () => {
    const v = (version: number, status: string, validFrom: string, zones: 'both' | 'west') => doc((f) => {
      Object.assign(f[0].properties, { objektversion: version, status, versionGiltigFran: validFrom });
      if (zones === 'west') f.splice(2, 1);
    });

    test('when a newer version moves the plan from samråd to granskning and drops a zone, then the plan is updated and audited', async () => {
      expect((await importNisDocument(t.db, v(1, 'samråd', '2026-01-10T09:00:00Z', 'both'), 'test')).outcome).toBe('created');
      const s = await importNisDocument(t.db, v(2, 'granskning', '2026-04-01T09:00:00Z', 'west'), 'test');
      expect(s).toMatchObject({ outcome: 'updated', status: 'review', zones: 1 });
      const { rows } = await t.db.query('select status, national_version from plans where plan_id = $1', [PLAN]);
      expect(rows).toEqual([{ status: 'review', national_version: 2 }]);
      const z = await t.db.query('select ref, max_gross_floor_area_percent as pct from plan_zones where plan_id = $1', [PLAN]);
      expect(z.rows).toEqual([{ ref: ZONE, pct: 50 }]);
      const audit = await t.db.query("select action, before->>'status' as b, after->>'status' as a from audit_log where entity = 'plan' and entity_ref = $1 order by id", [PLAN]);
      expect(audit.rows).toEqual([
        { action: 'create', b: null, a: 'consultation' },
        { action: 'status_change', b: 'consultation', a: 'review' },
      ]);
    });

    test('when an older version is loaded after a newer one, then it is refused and nothing changes', async () => {
      const before = await snapshot();
      await expect(importNisDocument(t.db, v(1, 'samråd', '2026-01-10T09:00:00Z', 'both'), 'test'))
        .rejects.toThrow(/detaljplan 'Testplan': objektversion 1 \(versionGiltigFran 2026-01-10T09:00:00.000Z\) is older than the stored version 2/);
      expect(await snapshot()).toBe(before);
    });

    test('when a newer version moves the status back, then it is refused and nothing changes', async () => {
      const before = await snapshot();
      await expect(importNisDocument(t.db, v(3, 'samråd', '2026-05-01T09:00:00Z', 'west'), 'test'))
        .rejects.toThrow(/status: cannot move back from review to consultation/);
      expect(await snapshot()).toBe(before);
    });
  });
});
