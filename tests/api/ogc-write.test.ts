// OGC API – Features Part 4 (draft) at /ogc: create, replace, update, delete under the
// JSON write API's roles and conflict rules (If-Match: 428 missing, 412 stale), audited,
// and visible in the map's tiles at once (their ETag changes).
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createAccount, signIn } from '../support/auth';
import { E0, N0, square } from './write-fixtures';

type Agent = ReturnType<typeof request.agent>;
const ROLES = ['anonymous', 'owner', 'planner', 'business', 'admin'] as const;
type Actor = (typeof ROLES)[number];
const EPSG3006 = '<http://www.opengis.net/def/crs/EPSG/0/3006>';

/** A square in EPSG:3006 axis order (northing, easting), as a Part 2 client sends it. */
const squareNE = (e: number, n: number, side: number) => ({
  type: 'Polygon',
  coordinates: [[[n, e], [n, e + side], [n + side, e + side], [n + side, e], [n, e]]],
});
const pointNE = (e: number, n: number) => ({ type: 'Point', coordinates: [n, e] });

describe('OGC API – Features Part 4 with Etablera roles', () => {
  let t: TestApp;
  const agents = {} as Record<Actor, Agent>;
  const accountIds = {} as Record<Actor, number>;
  let seq = 0;
  const next = (p: string) => `${p}-${++seq}`;
  const at = () => E0 + (seq % 50) * 300; // each record its own spot: no overlaps

  const landBody = (ref: string) => ({
    type: 'Feature', geometry: squareNE(at(), N0, 100),
    properties: { ref, ownerType: 'municipal', ownerName: 'Huddinge kommun', status: 'available' },
  });
  const zoneBody = (ref: string) => ({
    type: 'Feature', geometry: squareNE(at(), N0 + 2000, 100),
    properties: { ref, planId: `DP-${ref}`, planName: 'Detaljplan OGC', status: 'review', useCodes: ['J'], expectedLegalForceDate: '2027-06-30' },
  });
  const premisesBody = (ref: string) => ({
    type: 'Feature', geometry: pointNE(at(), N0 + 4000),
    properties: { ref, title: 'Kontor via QGIS', kind: 'office', floorAreaM2: 300, status: 'available' },
  });
  const BODIES = { land: landBody, plans: zoneBody, premises: premisesBody } as const;
  type Editable = keyof typeof BODIES;
  const TABLE: Record<Editable, string> = { land: 'land_parcels', plans: 'plan_zones', premises: 'premises' };
  const AUDIT_ENTITY: Record<Editable, string> = { land: 'land', plans: 'plan_zone', premises: 'premises' };
  const ALLOWED: Record<Editable, Actor[]> = {
    land: ['business', 'admin'],
    plans: ['planner', 'admin'],
    premises: ['owner', 'business', 'admin'],
  };

  const stored = async (layer: Editable, ref: string) =>
    (await t.db.query(`select version, ST_AsText(ST_SnapToGrid(geom, 0.001)) wkt from ${TABLE[layer]} where ref = $1`, [ref])).rows[0] ?? null;
  const audit = async (layer: Editable, ref: string) =>
    (await t.db.query('select action, account_id from audit_log where entity = $1 and entity_ref = $2 order by id', [AUDIT_ENTITY[layer], ref])).rows;
  const item = (layer: string, ref: string) => `/ogc/collections/${layer}/items/${encodeURIComponent(ref)}`;
  /** A record made by an allowed actor (the owner, for premises, so the owner may edit it). */
  const made = async (layer: Editable) => {
    const ref = next(layer);
    const by = layer === 'premises' ? agents.owner : layer === 'plans' ? agents.planner : agents.business;
    await by.post(`/ogc/collections/${layer}/items`).set('Content-Crs', EPSG3006).send(BODIES[layer](ref)).expect(201);
    const etag = (await request(t.app).get(item(layer, ref)).expect(200)).headers.etag as string;
    return { ref, etag };
  };

  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
    agents.anonymous = request.agent(t.app);
    for (const role of ['owner', 'planner', 'business', 'admin'] as const) {
      const a = await createAccount(t.db, { role });
      accountIds[role] = a.id;
      agents[role] = await signIn(t.app, a.email, a.password);
    }
  });
  afterAll(() => t.drop());

  describe.each(Object.keys(BODIES) as Editable[])('%s', (layer) => {
    it.each(ROLES)('when %s creates through POST /items, then only the JSON API’s roles may, and it is audited', async (actor) => {
      const ref = next(layer);
      const res = await agents[actor].post(`/ogc/collections/${layer}/items`).set('Content-Crs', EPSG3006).send(BODIES[layer](ref));
      if (ALLOWED[layer].includes(actor)) {
        expect(res.status).toBe(201);
        expect(res.headers.location).toMatch(new RegExp(`/ogc/collections/${layer}/items/${encodeURIComponent(ref)}$`));
        expect(res.headers.etag).toBe(layer === 'plans' ? '"1-1"' : '"1"');
        expect(res.body.id).toBe(ref);
        expect(await audit(layer, ref)).toEqual([{ action: 'create', account_id: accountIds[actor as Exclude<Actor, 'anonymous'>] }]);
      } else {
        expect(res.status).toBe(actor === 'anonymous' ? 401 : 403);
        expect(res.body).toEqual({ code: actor === 'anonymous' ? 'unauthenticated' : 'forbidden', message: expect.any(String) });
        expect(await stored(layer, ref)).toBeNull();
      }
    });

    it.each(ROLES)('when %s PATCHes, PUTs and DELETEs with the ETag read, then only the allowed roles change the record', async (actor) => {
      const { ref, etag } = await made(layer);
      const before = await stored(layer, ref);
      const patch = await agents[actor].patch(item(layer, ref)).set('If-Match', etag).send({ type: 'Feature', properties: {} });
      if (!ALLOWED[layer].includes(actor)) {
        expect(patch.status).toBe(actor === 'anonymous' ? 401 : 403);
        await agents[actor].put(item(layer, ref)).set('If-Match', etag).set('Content-Crs', EPSG3006).send(BODIES[layer](ref)).expect(actor === 'anonymous' ? 401 : 403);
        await agents[actor].delete(item(layer, ref)).set('If-Match', etag).expect(actor === 'anonymous' ? 401 : 403);
        expect(await stored(layer, ref)).toEqual(before);
      } else {
        expect(patch.status).toBe(200);
        // PUT: the whole feature again, moved 50 m east
        const moved = BODIES[layer](ref) as { geometry: { coordinates: unknown } };
        const shift = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? [c[0], (c[1] as number) + 50] : (c as unknown[]).map(shift));
        moved.geometry = { ...moved.geometry, coordinates: shift(moved.geometry.coordinates) };
        const put = await agents[actor].put(item(layer, ref)).set('If-Match', patch.headers.etag).set('Content-Crs', EPSG3006).send(moved).expect(200);
        expect((await stored(layer, ref)).wkt).not.toEqual(before.wkt);
        await agents[actor].delete(item(layer, ref)).set('If-Match', put.headers.etag).expect(204);
        expect(await stored(layer, ref)).toBeNull();
        await request(t.app).get(item(layer, ref)).expect(404);
        expect((await audit(layer, ref)).map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'delete']));
        expect((await audit(layer, ref)).at(-1)).toEqual({ action: 'delete', account_id: accountIds[actor as Exclude<Actor, 'anonymous'>] });
      }
    });

    it('when If-Match is missing, then 428; when it is stale, then 412 with the current version; nothing changes', async () => {
      const { ref, etag } = await made(layer);
      const editor = ALLOWED[layer].includes('admin') ? agents.admin : agents.business;
      const before = await stored(layer, ref);
      const body = { type: 'Feature', properties: layer === 'premises' ? { title: 'Ny titel' } : layer === 'land' ? { status: 'reserved' } : { planName: 'Nytt namn' } };
      expect((await editor.patch(item(layer, ref)).send(body).expect(428)).body.code).toBe('precondition_required');
      await editor.delete(item(layer, ref)).expect(428);
      const stale = layer === 'plans' ? '"0-0"' : '"0"';
      const res = await editor.patch(item(layer, ref)).set('If-Match', stale).send(body).expect(412);
      expect(res.body).toEqual(expect.objectContaining({ code: 'precondition_failed', currentVersion: etag }));
      await editor.delete(item(layer, ref)).set('If-Match', stale).expect(412);
      expect(await stored(layer, ref)).toEqual(before);
      // the ETag read still works after the refusals
      const ok = await editor.patch(item(layer, ref)).set('If-Match', etag).send(layer === 'land' ? { type: 'Feature', properties: { priceSekPerM2: 900 } } : body).expect(200);
      expect(ok.headers.etag).not.toBe(etag);
    });

    it('when the geometry is invalid, then 400 as in the JSON API and nothing is stored', async () => {
      const ref = next(layer);
      const body = BODIES[layer](ref) as { geometry: unknown };
      body.geometry = layer === 'premises' ? { type: 'Point', coordinates: [N0] } : { type: 'Polygon', coordinates: [[[N0, E0], [N0 + 10, E0 + 10], [N0, E0 + 10], [N0 + 10, E0], [N0, E0]]] };
      const editor = layer === 'plans' ? agents.planner : agents.business;
      const res = await editor.post(`/ogc/collections/${layer}/items`).set('Content-Crs', EPSG3006).send(body).expect(400);
      expect(res.body.code).toBe('invalid_geometry');
      expect(await stored(layer, ref)).toBeNull();
    });
  });

  it('when an owner edits another owner’s listing through /ogc, then 403 as in the JSON API', async () => {
    const other = await createAccount(t.db, { role: 'owner' });
    const otherAgent = await signIn(t.app, other.email, other.password);
    const ref = next('premises');
    await otherAgent.post('/ogc/collections/premises/items').set('Content-Crs', EPSG3006).send(premisesBody(ref)).expect(201);
    const etag = (await request(t.app).get(item('premises', ref))).headers.etag;
    await agents.owner.patch(item('premises', ref)).set('If-Match', etag).send({ type: 'Feature', properties: { title: 'Mitt' } }).expect(403);
    await agents.owner.delete(item('premises', ref)).set('If-Match', etag).expect(403);
    expect(await stored('premises', ref)).not.toBeNull();
  });

  it('when a feature is posted in CRS84 (no Content-Crs), then it is stored where the JSON API would store the same place', async () => {
    const ref = next('land');
    const wgs = (await t.db.query(`select ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 3006), 4326), 9)::json g`, [JSON.stringify(square(E0, N0 + 6000, 100))])).rows[0].g;
    await agents.business.post('/ogc/collections/land/items').send({ type: 'Feature', geometry: wgs, properties: { ref, ownerType: 'private', status: 'available' } }).expect(201);
    const api = await request(t.app).get(`/api/land/${encodeURIComponent(ref)}?crs=3006`).expect(200);
    const [e, n] = api.body.geometry.coordinates[0][0];
    expect(e).toBeCloseTo(E0, 2);
    expect(n).toBeCloseTo(N0 + 6000, 2);
  });

  it('when a client asks OPTIONS (as QGIS does before it offers editing), then Allow names the writes of that collection', async () => {
    const items = await request(t.app).options('/ogc/collections/land/items').expect(204);
    expect(items.headers.allow.split(', ').sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    const one = await request(t.app).options(item('premises', 'any')).expect(204);
    expect(one.headers.allow.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'PUT']);
    const stops = await request(t.app).options('/ogc/collections/stops/items').expect(204);
    expect(stops.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('when a POST carries every field of the layer with nulls for the empty ones (as QGIS sends it), then it is created with the defaults', async () => {
    const ref = next('land');
    const read = (await request(t.app).get('/ogc/collections/land/items?limit=1').expect(200)).body.features[0].properties;
    const properties = { ...Object.fromEntries(Object.keys(read).map((k) => [k, null])), ref, ownerType: 'state', status: 'available' };
    const res = await agents.business.post('/ogc/collections/land/items').set('Content-Type', 'application/geo+json').set('Content-Crs', EPSG3006)
      .send(JSON.stringify({ type: 'Feature', geometry: squareNE(at(), N0 + 8000, 60), properties })).expect(201);
    expect(res.body.properties).toEqual(expect.objectContaining({ ref, ownerType: 'state', illustrative: false, ownerName: null }));
  });

  it('when a PATCH comes as a JSON merge patch without "type" (as QGIS sends it), then it is applied', async () => {
    const { ref, etag } = await made('land');
    const res = await agents.business.patch(item('land', ref)).set('If-Match', etag).set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ properties: { priceSekPerM2: 1234 } })).expect(200);
    expect(res.body.properties.priceSekPerM2).toBe(1234);
    expect((await t.db.query('select price_sek_per_m2 from land_parcels where ref = $1', [ref])).rows[0].price_sek_per_m2).toBe(1234);
  });

  it('when a read-only collection is written to, then 405 for everyone', async () => {
    const res = await agents.admin.post('/ogc/collections/stops/items').send({ type: 'Feature', geometry: null, properties: {} }).expect(405);
    expect(res.body.code).toBe('read_only_collection');
  });

  it('when a parcel is edited through /ogc, then the land tiles’ ETag changes at once', async () => {
    const tile = '/tiles/land/12/2250/1186.mvt';
    const before = (await request(t.app).get(tile)).headers.etag;
    expect(before).toBeTruthy();
    await request(t.app).get(tile).set('If-None-Match', before).expect(304);
    const { ref, etag } = await made('land');
    const afterCreate = (await request(t.app).get(tile)).headers.etag;
    expect(afterCreate).not.toBe(before);
    await agents.business.patch(item('land', ref)).set('If-Match', etag).send({ type: 'Feature', properties: { status: 'sold' } }).expect(200);
    const afterEdit = await request(t.app).get(tile).set('If-None-Match', afterCreate);
    expect(afterEdit.status).toBe(200);
    expect(afterEdit.headers.etag).not.toBe(afterCreate);
  });
});
