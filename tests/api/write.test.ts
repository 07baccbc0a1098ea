import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createAccount, signIn } from '../support/auth';
import { bowTie, E0, landFeature, N0, point, premisesFeature, square, zoneFeature } from './write-fixtures';

type Agent = Awaited<ReturnType<typeof signIn>>;

describe('write API: GeoJSON in and out, versions, validation', () => {
  let t: TestApp;
  let owner: Agent;
  let business: Agent;
  let planner: Agent;
  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
    const as = async (role: 'owner' | 'business' | 'planner') => {
      const a = await createAccount(t.db, { role });
      return signIn(t.app, a.email, a.password);
    };
    [owner, business, planner] = await Promise.all([as('owner'), as('business'), as('planner')]);
  });
  afterAll(() => t.drop());

  const row = async (sql: string, params: unknown[]) => (await t.db.query(sql, params)).rows[0];

  test('when an owner posts a premises in 3006, then it is stored at those metres and answered as a Feature with an ETag', async () => {
    const res = await owner.post('/api/premises?crs=3006').send(premisesFeature('W-P1', {}, point(E0 + 12.5, N0 + 7.25))).expect(201);
    expect(res.body.type).toBe('Feature');
    expect(res.body.geometry.coordinates).toEqual([E0 + 12.5, N0 + 7.25]);
    expect(res.headers.etag).toBe(`"${res.body.properties.version}"`);
    const stored = await row('select ST_X(geom) as x, ST_Y(geom) as y, ST_SRID(geom) as srid from premises where ref = $1', ['W-P1']);
    expect(stored).toEqual({ x: E0 + 12.5, y: N0 + 7.25, srid: 3006 });
    // the public read API gives it in lon/lat, as PostGIS transforms it
    const lonlat = await row('select ST_X(ST_Transform(geom, 4326)) as lon, ST_Y(ST_Transform(geom, 4326)) as lat from premises where ref = $1', ['W-P1']);
    const pub = await request(t.app).get('/api/premises/W-P1').expect(200);
    expect(pub.body.geometry.coordinates[0]).toBeCloseTo(lonlat.lon, 6);
    expect(pub.body.geometry.coordinates[1]).toBeCloseTo(lonlat.lat, 6);
    expect(pub.headers.etag).toBe(res.headers.etag);
  });

  test('when a premises is posted in 4326 without a ref, then a ref is made and the geometry is transformed to 3006', async () => {
    const res = await business.post('/api/premises').send({ ...premisesFeature('x', {}, point(17.95, 59.22)), properties: { title: 'Lager', kind: 'warehouse', floorAreaM2: 900 } }).expect(201);
    expect(res.body.properties.ref).toMatch(/^lokal-[0-9a-f]{8}$/);
    expect(res.body.properties.status).toBe('available');
    const stored = await row('select ST_SRID(geom) as srid, ST_X(ST_Transform(geom, 4326)) as lon from premises where ref = $1', [res.body.properties.ref]);
    expect(stored.srid).toBe(3006);
    expect(stored.lon).toBeCloseTo(17.95, 7);
  });

  test('when a write lacks If-Match, then 428; with a stale one, 412 with the current version, and the first write survives', async () => {
    const created = await business.post('/api/premises?crs=3006').send(premisesFeature('W-P2')).expect(201);
    const etag = created.headers.etag;
    await business.patch('/api/premises/W-P2').send({ type: 'Feature', properties: { title: 'Utan If-Match' } }).expect(428);
    // two editors read the same version; the first saves, the second is refused
    const first = await business.patch('/api/premises/W-P2').set('If-Match', etag).send({ type: 'Feature', properties: { title: 'Första' } }).expect(200);
    const second = await owner.patch('/api/premises/W-P2').set('If-Match', etag).send({ type: 'Feature', properties: { title: 'Ägarens' } });
    expect(second.status).toBe(403); // an owner cannot touch a staff listing at all
    const conflict = await business.patch('/api/premises/W-P2').set('If-Match', etag).send({ type: 'Feature', properties: { title: 'Andra' } }).expect(412);
    expect(conflict.body.code).toBe('precondition_failed');
    expect(conflict.body.currentVersion).toBe(first.headers.etag);
    expect(conflict.body.current.properties.title).toBe('Första');
    expect((await row('select title from premises where ref = $1', ['W-P2'])).title).toBe('Första');
  });

  test('when two edits with the same If-Match race, then exactly one is saved and the other gets 412', async () => {
    const created = await business.post('/api/premises?crs=3006').send(premisesFeature('W-P3')).expect(201);
    const [a, b] = await Promise.all(
      ['A', 'B'].map((title) => business.patch('/api/premises/W-P3').set('If-Match', created.headers.etag).send({ type: 'Feature', properties: { title } })),
    );
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? 'A' : 'B';
    const stored = await row('select title, version from premises where ref = $1', ['W-P3']);
    expect(stored).toEqual({ title: winner, version: 2 });
  });

  test.each([
    ['a self-intersecting ring', bowTie(E0, N0, 50), /self-intersection/],
    ['coordinates outside Sweden', square(100_000, 5_000_000, 50), /outside Sweden/],
    ['degrees sent as 3006', point(17.9, 59.2), /looks like degrees/],
    ['an unclosed ring', { type: 'Polygon', coordinates: [[[E0, N0], [E0 + 10, N0], [E0 + 10, N0 + 10], [E0, N0 + 10]]] }, /invalid Polygon/],
    ['a line', { type: 'LineString', coordinates: [[E0, N0], [E0 + 10, N0]] }, /not allowed/],
    ['a hole outside its shell', { type: 'Polygon', coordinates: [square(E0, N0, 10).coordinates[0], square(E0 + 20, N0, 5).coordinates[0]] }, /Hole lies outside shell/],
  ])('when a premises is moved to %s, then 400 naming the fault and the record is unchanged', async (_what, geometry, message) => {
    const ref = `W-G-${Math.random().toString(36).slice(2, 8)}`;
    const created = await business.post('/api/premises?crs=3006').send(premisesFeature(ref)).expect(201);
    const before = await row('select ST_AsText(geom) as wkt, version, title from premises where ref = $1', [ref]);
    const res = await business.patch(`/api/premises/${ref}?crs=3006`).set('If-Match', created.headers.etag).send({ type: 'Feature', geometry, properties: { title: 'Flyttad' } }).expect(400);
    expect(res.body.code).toBe('invalid_geometry');
    expect(res.body.message).toMatch(message);
    expect(await row('select ST_AsText(geom) as wkt, version, title from premises where ref = $1', [ref])).toEqual(before);
  });

  test.each([
    ['no coordinates', { type: 'Polygon', coordinates: [] }, 'geometry: invalid Polygon: coordinates: an empty array at nesting level 1 (an empty Polygon is not allowed)'],
    ['an empty ring', { type: 'Polygon', coordinates: [[]] }, 'geometry: invalid Polygon: coordinates: an empty array at nesting level 2 (an empty Polygon is not allowed)'],
    ['an empty polygon in a MultiPolygon', { type: 'MultiPolygon', coordinates: [square(E0, N0, 10).coordinates, []] }, 'geometry: invalid MultiPolygon: coordinates: an empty array at nesting level 2 (an empty MultiPolygon is not allowed)'],
    ['a null geometry', null, 'geometry: geometry is missing'],
  ])('when a parcel is created with %s, then 400 invalid_geometry and nothing is stored', async (_what, geometry, message) => {
    const ref = `W-E-${Math.random().toString(36).slice(2, 8)}`;
    const res = await business.post('/api/land?crs=3006').send({ ...landFeature(ref), geometry }).expect(400);
    expect(res.body).toMatchObject({ code: 'invalid_geometry', message });
    expect(await row('select count(*)::int as n from land_parcels where ref = $1', [ref])).toEqual({ n: 0 });
  });

  test('when properties break the layer schema, then 400 naming the field and nothing is stored', async () => {
    const res = await business.post('/api/premises?crs=3006').send(premisesFeature('W-BAD', { floorAreaM2: -5, kind: 'castle' })).expect(400);
    expect(res.body.message).toMatch(/floorAreaM2/);
    expect(res.body.message).toMatch(/kind/);
    expect(await row('select count(*)::int as n from premises where ref = $1', ['W-BAD'])).toEqual({ n: 0 });
    const dup = await business.post('/api/premises?crs=3006').send(premisesFeature('W-P1')).expect(409);
    expect(dup.body.code).toBe('ref_taken');
  });

  test('when a client sends back what it read, then the read-only properties are ignored', async () => {
    const read = await request(t.app).get('/api/premises/W-P1?crs=3006').expect(200);
    const res = await owner.patch('/api/premises/W-P1?crs=3006').set('If-Match', read.headers.etag).send({ ...read.body, properties: { ...read.body.properties, rentSekPerM2Year: 1900 } }).expect(200);
    expect(res.body.properties.rentSekPerM2Year).toBe(1900);
    expect(res.body.properties.version).toBe(read.body.properties.version + 1);
  });

  test('when the ref is changed through PATCH, then 400 and the record keeps its ref', async () => {
    const read = await request(t.app).get('/api/premises/W-P1').expect(200);
    const res = await owner.patch('/api/premises/W-P1').set('If-Match', read.headers.etag).send({ type: 'Feature', properties: { ref: 'W-OTHER' } }).expect(400);
    expect(res.body.message).toMatch(/^ref:/);
  });

  describe('plans: status transitions and dates', () => {
    let etag: string;
    beforeAll(async () => {
      const res = await planner.post('/api/plans?crs=3006').send(zoneFeature('W-Z1', 'W-DP-1', { status: 'consultation' })).expect(201);
      etag = res.headers.etag;
      expect(etag).toBe(`"${res.body.properties.version}-${res.body.properties.planVersion}"`);
    });
    const patch = (props: Record<string, unknown>) => planner.patch('/api/plans/W-Z1').set('If-Match', etag).send({ type: 'Feature', properties: props });

    test.each([
      [{ status: 'programme' }, 'invalid_status_transition', /status: cannot move back from consultation to programme/],
      [{ status: 'in_force' }, 'invalid_properties', /legalForceDate: is required when status is in_force/],
      [{ status: 'in_force', legalForceDate: '2999-01-01' }, 'invalid_properties', /legalForceDate: must not be in the future/],
      [{ useCodes: [] }, 'invalid_properties', /useCodes/],
      [{ planId: 'W-DP-2' }, 'immutable_property', /planId/],
    ])('when a planner sends %j, then 400 %s and the plan is unchanged', async (props, code, message) => {
      const before = await row('select status, version from plans where plan_id = $1', ['W-DP-1']);
      const res = await patch(props).expect(400);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toMatch(message);
      expect(await row('select status, version from plans where plan_id = $1', ['W-DP-1'])).toEqual(before);
    });

    test('when a planner moves the plan forward to in force with a past date, then the status and its date are stored, stamped today', async () => {
      const today = (await row("select (now() at time zone 'Europe/Stockholm')::date::text as d", [])).d; // the Stockholm date (clock/today.ts)
      const res = await patch({ status: 'in_force', legalForceDate: '2026-01-15' }).expect(200);
      expect(res.body.properties).toMatchObject({ status: 'in_force', legalForceDate: '2026-01-15', statusChangedAt: today });
      expect(await row('select status, legal_force_date::text as d, status_changed_at::text as c from plans where plan_id = $1', ['W-DP-1'])).toEqual({
        status: 'in_force', d: '2026-01-15', c: today,
      });
      etag = res.headers.etag;
      await patch({ status: 'cancelled' }).expect(200);
    });

    test('when a zone is added to an existing plan with different plan fields, then 409 plan_fields_differ', async () => {
      const res = await planner.post('/api/plans?crs=3006').send(zoneFeature('W-Z2', 'W-DP-1', { status: 'review' }, square(E0 + 200, N0, 50))).expect(409);
      expect(res.body.code).toBe('plan_fields_differ');
      expect(res.body.message).toMatch(/status/);
    });
  });

  describe('land: reservations and markanvisning', () => {
    test('when a markanvisning has no end date or the parcel is not reserved, then 400 naming the field', async () => {
      const a = await business.post('/api/land?crs=3006').send(landFeature('W-L1', { status: 'reserved', reservationKind: 'markanvisning' })).expect(400);
      expect(a.body.message).toMatch(/reservedUntil/);
      const b = await business.post('/api/land?crs=3006').send(landFeature('W-L1', { reservationKind: 'reservation', reservedUntil: '2027-01-01' })).expect(400);
      expect(b.body.message).toMatch(/status: must be reserved/);
    });

    test('when the business unit reserves a parcel, then the public sees the kind and end date but not the party', async () => {
      const created = await business.post('/api/land?crs=3006').send(landFeature('W-L2', {}, square(E0 + 400, N0, 80))).expect(201);
      expect(created.body.properties.areaM2).toBe(6400);
      const res = await business
        .patch('/api/land/W-L2')
        .set('If-Match', created.headers.etag)
        .send({ type: 'Feature', properties: { status: 'reserved', reservationKind: 'markanvisning', reservedUntil: '2027-12-31', reservedFor: 'Bygg AB', priceSekPerM2: 1200 } })
        .expect(200);
      expect(res.body.properties).toMatchObject({ status: 'reserved', reservationKind: 'markanvisning', reservedUntil: '2027-12-31', reservedFor: 'Bygg AB' });
      const pub = await request(t.app).get('/api/land/W-L2').expect(200);
      expect(pub.body.properties).toMatchObject({ status: 'reserved', reservationKind: 'markanvisning', reservedUntil: '2027-12-31', priceSekPerM2: 1200 });
      expect(JSON.stringify(pub.body)).not.toContain('Bygg AB');
    });
  });

  test('when the public reads premises, then no owner account or contact details are in them, and accounts, audit and requests are closed', async () => {
    const a = await createAccount(t.db, { role: 'owner', email: 'private.person@example.test', name: 'Privat Person' });
    await t.db.query('update accounts set phone = $2 where id = $1', [a.id, '070-123 45 67']);
    const agent = await signIn(t.app, a.email, a.password);
    await agent.post('/api/premises?crs=3006').send(premisesFeature('W-PRIV')).expect(201);
    const text = JSON.stringify((await request(t.app).get('/api/premises').expect(200)).body);
    expect(text).toContain('W-PRIV');
    for (const secret of ['private.person@example.test', 'Privat Person', '070-123 45 67', 'ownerAccount']) expect(text).not.toContain(secret);
    // nor can the public read accounts, the audit trail or saved requests (their contacts)
    for (const path of ['/api/accounts', '/api/audit', '/api/requests']) expect((await request(t.app).get(path)).status).toBe(401);
  });
});

describe('OpenAPI document', () => {
  test('when /api/openapi.json is read, then the write endpoints sit beside the read ones', async () => {
    const t = await createTestApp();
    try {
      const doc = (await request(t.app).get('/api/openapi.json').expect(200)).body;
      for (const layer of ['premises', 'plans', 'land']) {
        expect(Object.keys(doc.paths[`/api/${layer}`]).sort()).toEqual(['get', 'post']);
        expect(Object.keys(doc.paths[`/api/${layer}/{ref}`]).sort()).toEqual(['get', 'patch']);
        expect(doc.paths[`/api/${layer}/{ref}`].patch.responses).toHaveProperty('412');
      }
      for (const path of ['/api/auth/login', '/api/auth/me', '/api/accounts', '/api/audit', '/api/premises/{ref}/confirm']) expect(doc.paths[path]).toBeDefined();
    } finally {
      await t.drop();
    }
  });
});
