// Issue 13, defects 1, 7 (geometry part) and 12: geometry checks bounded in time and memory,
// a real Sweden boundary and size limits per layer. Each case failed on main: the star crashed
// the process (kinks kept every crossing), the circle blocked it, Oslo and all of Sweden were
// accepted, empty and deeply nested coordinates gave 500.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createAccount, signIn } from '../support/auth';
import { E0, N0, premisesFeature, square } from './write-fixtures';

type Agent = Awaited<ReturnType<typeof signIn>>;

/** A {n/k} star polygon: every edge crosses most others (about n²/2 crossings). */
function star(n: number, radius: number) {
  const k = Math.floor(n / 2);
  const ring = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * ((i * k) % n)) / n;
    return [E0 + radius * Math.cos(a), N0 + radius * Math.sin(a)];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

function circle(n: number, radius: number) {
  // Centimetres keep 60 000 positions within the 2 MB body limit (about 1.3 MB, as reported).
  const cm = (v: number) => Math.round(v * 100) / 100;
  const at = (i: number) => [cm(E0 + radius * Math.cos((2 * Math.PI * i) / n)), cm(N0 + radius * Math.sin((2 * Math.PI * i) / n))];
  const ring = Array.from({ length: n }, (_, i) => at(i));
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/** JSON text of coordinates nested `depth` deep (JSON.stringify itself overflows its stack). */
const nested = (depth: number) => `${'['.repeat(depth)}${E0},${N0}${']'.repeat(depth)}`;

describe('geometry bounds (issue 13: defects 1, 7, 12)', () => {
  let t: TestApp;
  let owner: Agent;
  const count = async () => (await t.db.query('select count(*)::int as n, coalesce(max(version), 0) as v from premises')).rows[0];

  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
    const a = await createAccount(t.db, { role: 'owner' });
    owner = await signIn(t.app, a.email, a.password);
  });
  afterAll(() => t.drop());

  test('when an approved owner posts a 6 001-vertex star polygon, then 400 ring self-intersection, and the server answers other requests', async () => {
    const before = await count();
    const res = await owner.post('/api/premises?crs=3006').send(premisesFeature('H-STAR', {}, star(6001, 300)));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_geometry');
    expect(res.body.message).toMatch(/ring self-intersection at \[/);
    await request(t.app).get('/api/health').expect(200);
    expect(await count()).toEqual(before);
  });

  test('when a 60 000-vertex circle is posted, then 400 naming the vertex limit, while a concurrent request is answered', async () => {
    const before = await count();
    const [res, health] = await Promise.all([
      owner.post('/api/premises?crs=3006').send(premisesFeature('H-CIRCLE', {}, circle(60_000, 3000))),
      request(t.app).get('/api/premises/none-such'),
    ]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_geometry' });
    expect(res.body.message).toMatch(/more than 10000 vertices/);
    expect(health.status).toBe(404);
    expect(await count()).toEqual(before);
  });

  test('when MAX_VERTICES_PER_FEATURE is lowered, then the limit follows it', async () => {
    const small = await createTestApp({ seeded: false, config: { maxVerticesPerFeature: 50 } });
    try {
      const a = await createAccount(small.db, { role: 'owner' });
      const agent = await signIn(small.app, a.email, a.password);
      const res = await agent.post('/api/premises?crs=3006').send(premisesFeature('H-C100', {}, circle(100, 100))).expect(400);
      expect(res.body.message).toMatch(/more than 50 vertices/);
      const ok = await agent.post('/api/premises?crs=3006').send(premisesFeature('H-C40', {}, circle(40, 100)));
      expect([ok.status, ok.body.message]).toEqual([201, undefined]);
    } finally {
      await small.drop();
    }
  });

  test.each([
    ['an empty polygon []', { type: 'Polygon', coordinates: [] }, /empty/],
    ['an empty ring [[]]', { type: 'Polygon', coordinates: [[]] }, /empty/],
    ['an empty multipolygon [[[]]]', { type: 'MultiPolygon', coordinates: [[[]]] }, /empty/],
    // the input guard stops these before the geometry check (invalid_request, any endpoint)
    ['a point nested 10 000 deep', `{"type":"Point","coordinates":${nested(10_000)}}`, /nested deeper than 32 levels/],
    ['a polygon nested 10 000 deep', `{"type":"Polygon","coordinates":${nested(10_000)}}`, /nested deeper than 32 levels/],
    // below the guard's depth, the geometry's own shape check names it
    ['a point nested 20 deep', `{"type":"Point","coordinates":${nested(20)}}`, /nested too deep/],
    ['a polygon nested 20 deep', `{"type":"Polygon","coordinates":${nested(20)}}`, /nested too deep/],
    ['a string coordinate', { type: 'Point', coordinates: ['17.9', 59.2] }, /two numbers/],
    ['a 3-D position', { type: 'Point', coordinates: [E0, N0, 12] }, /2D/],
    ['an overflowing 1e999', '{"type":"Point","coordinates":[1e999,6560000]}', /not a finite number/],
  ])('when the geometry is %s, then 400 invalid_geometry naming it, nothing stored', async (_what, geometry, message) => {
    const before = await count();
    const body = typeof geometry === 'string'
      ? `{"type":"Feature","properties":{"title":"x","kind":"office","floorAreaM2":10},"geometry":${geometry}}`
      : JSON.stringify(premisesFeature('H-SHAPE', {}, geometry));
    const res = await owner.post('/api/premises?crs=3006').set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(/nested deeper/.test(String(message)) ? 'invalid_request' : 'invalid_geometry');
    expect(res.body.message).toMatch(message);
    expect(await count()).toEqual(before);
  });

  test.each([
    ['a premises in Oslo', { type: 'Point', coordinates: [10.75, 59.91] }, /outside Sweden/],
    ['a premises in Copenhagen', { type: 'Point', coordinates: [12.57, 55.68] }, /outside Sweden/],
    ['a polygon covering Sweden', { type: 'Polygon', coordinates: [[[11, 55.4], [24, 55.4], [24, 69], [11, 69], [11, 55.4]]] }, /outside Sweden|larger than/],
  ])('when the geometry is %s (inside the old rectangle), then 400', async (_what, geometry, message) => {
    const before = await count();
    const res = await owner.post('/api/premises').send(premisesFeature('H-OUT', {}, geometry));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_geometry');
    expect(res.body.message).toMatch(message);
    expect(await count()).toEqual(before);
  });

  test('when a premises lies on an island of the Stockholm archipelago (Sandhamn), then it is inside Sweden', async () => {
    const res = await owner.post('/api/premises').send(premisesFeature('H-SANDHAMN', {}, { type: 'Point', coordinates: [18.912, 59.288] }));
    expect(res.status).toBe(201);
  });

  test('when a premises polygon is 2 km × 2 km, then 400: larger than premises allow (1 km²)', async () => {
    const before = await count();
    const res = await owner.post('/api/premises?crs=3006').send(premisesFeature('H-BIG', {}, square(E0, N0, 2000))).expect(400);
    expect(res.body.message).toMatch(/area 4(\.0+)? km² is larger than this layer allows \(1(\.0+)? km²\)/);
    expect(await count()).toEqual(before);
  });
});
