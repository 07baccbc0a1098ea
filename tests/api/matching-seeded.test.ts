// The shipped Huddinge data gives sensible answers. Expected numbers come from plain PostGIS
// queries written here, never from the matching code.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const PLAN_CODES: Record<string, string[]> = { logistics: ['J', 'Z'], lab: ['J', 'K', 'Z'], retail: ['H', 'C'] };
const IN_PROGRESS = ['in_force', 'consultation', 'review', 'adopted'];

describe('matching on the seeded Huddinge data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
  });
  afterAll(() => t.drop());

  /** Parcel area covered by permitting zones of plans with these statuses: plain overlay. */
  async function zonedArea(ref: string, use: string, statuses: string[]): Promise<number> {
    const { rows } = await t.db.query(
      `select coalesce(ST_Area(ST_Intersection(l.geom, ST_Union(z.geom))), 0) as m2
       from land_parcels l
       join plan_zones z on ST_Intersects(z.geom, l.geom)
       join plans p on p.plan_id = z.plan_id and p.status = any ($3)
       where l.ref = $1 and exists (select 1 from unnest(z.use_codes) c where left(c, 1) = any ($2))
       group by l.geom`,
      [ref, PLAN_CODES[use], statuses],
    );
    return rows[0]?.m2 ?? 0;
  }

  async function nearestStopM(table: 'land_parcels' | 'premises', ref: string): Promise<number> {
    const { rows } = await t.db.query(
      `select min(ST_Distance(s.geom, x.geom)) as d from stops s, ${table} x
       where x.ref = $1 and s.mode in ('commuter_rail', 'metro', 'tram') and not s.planned`,
      [ref],
    );
    return rows[0].d;
  }

  async function expectTopIsSensible(body: Record<string, unknown>, area: string) {
    const res = await request(t.app).post('/api/match').send(body).expect(200);
    expect(res.body.results.length).toBeGreaterThan(0);
    const top = res.body.results[0];
    expect(top.areaRef).toBe(area);
    expect(top.usableAreaM2).toBeGreaterThanOrEqual(body.minAreaM2 as number);
    if (top.kind === 'land') {
      const statuses = top.readiness === 'ready' ? ['in_force'] : IN_PROGRESS;
      const m2 = await zonedArea(top.ref, body.use as string, statuses);
      expect(Math.abs(top.usableAreaM2 - m2)).toBeLessThanOrEqual(m2 * 0.005);
      expect(Math.abs(top.transit.distanceM - (await nearestStopM('land_parcels', top.ref)))).toBeLessThan(1);
    } else {
      const { rows } = await t.db.query('select floor_area_m2 as m2, kind, status from premises where ref = $1', [top.ref]);
      expect(top.usableAreaM2).toBe(rows[0].m2);
      expect(rows[0].status).toBe('available');
      expect(Math.abs(top.transit.distanceM - (await nearestStopM('premises', top.ref)))).toBeLessThan(1);
    }
    return res.body;
  }

  test('when a logistics company wants 10 000 m² of land in Länna, then the top parcel lies in Länna with that much zoned J/Z land', async () => {
    const body = await expectTopIsSensible({ need: 'land', use: 'logistics', minAreaM2: 10000, areas: ['lanna'] }, 'lanna');
    expect(body.results.every((r: { kind: string; areaRef: string }) => r.kind === 'land' && r.areaRef === 'lanna')).toBe(true);
  });

  test('when a logistics company asks for land or premises near Länna, then the top result is in Länna and big enough', async () => {
    await expectTopIsSensible({ use: 'logistics', minAreaM2: 5000, areas: ['lanna'] }, 'lanna');
  });

  test('when a lab wants 500 m² within 1 km of a station in Flemingsberg, then the top result is there and near the station', async () => {
    const body = await expectTopIsSensible({ use: 'lab', minAreaM2: 500, areas: ['flemingsberg'], maxDistanceToStationM: 1000 }, 'flemingsberg');
    for (const r of body.results) expect(r.transit.distanceM).toBeLessThanOrEqual(1000);
  });

  test('when a lab wants land in Flemingsberg, then the top parcel is zoned J, K or Z there', async () => {
    await expectTopIsSensible({ need: 'land', use: 'lab', minAreaM2: 1000, areas: ['flemingsberg'] }, 'flemingsberg');
  });

  test('when a retailer wants 1 500 m² at Kungens kurva, then the top result is there and big enough', async () => {
    await expectTopIsSensible({ use: 'retail', minAreaM2: 1500, areas: ['kungens-kurva'] }, 'kungens-kurva');
  });

  test('when a retailer wants land at Kungens kurva, then the top parcel is zoned H or C there', async () => {
    await expectTopIsSensible({ need: 'land', use: 'retail', minAreaM2: 1500, areas: ['kungens-kurva'] }, 'kungens-kurva');
  });

  test('when any request is matched, then every candidate of the requested kinds is either a result or counted once', async () => {
    const res = await request(t.app).post('/api/match').send({ use: 'industry', minAreaM2: 2000, limit: 200 }).expect(200);
    const { rows } = await t.db.query('select (select count(*) from land_parcels) + (select count(*) from premises) as n');
    const excluded = Object.values(res.body.excluded as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(res.body.results.length).toBeLessThan(200);
    expect(res.body.results.length + excluded).toBe(rows[0].n);
  });
});
