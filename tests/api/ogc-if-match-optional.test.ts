// OGC_IF_MATCH=optional: QGIS sends PATCH/PUT/DELETE without If-Match. With the setting on,
// such a write applies to the current version (audited, version bumped); a stale If-Match is
// still a 412, and roles still hold. With the default (required) the same write is a 428.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createAccount, signIn } from '../support/auth';
import { E0, N0 } from './write-fixtures';

const EPSG3006 = '<http://www.opengis.net/def/crs/EPSG/0/3006>';
const squareNE = (e: number, n: number, side: number) => ({
  type: 'Polygon',
  coordinates: [[[n, e], [n, e + side], [n + side, e + side], [n + side, e], [n, e]]],
});
const landBody = (ref: string, e: number) => ({
  type: 'Feature', geometry: squareNE(e, N0, 100),
  properties: { ref, ownerType: 'municipal', ownerName: 'Huddinge kommun', status: 'available' },
});
const item = (ref: string) => `/ogc/collections/land/items/${encodeURIComponent(ref)}`;

describe.each([
  ['optional', 200, 204],
  ['required', 428, 428],
] as const)('when OGC_IF_MATCH is %s', (mode, patchStatus, deleteStatus) => {
  let t: TestApp;
  let business: Awaited<ReturnType<typeof signIn>>;
  let owner: Awaited<ReturnType<typeof signIn>>;
  const version = async (ref: string) => (await t.db.query('select version from land_parcels where ref = $1', [ref])).rows[0]?.version ?? null;

  beforeAll(async () => {
    t = await createTestApp({ seeded: true, config: { ogcIfMatch: mode } });
    const b = await createAccount(t.db, { role: 'business' });
    business = await signIn(t.app, b.email, b.password);
    const o = await createAccount(t.db, { role: 'owner' });
    owner = await signIn(t.app, o.email, o.password);
  });
  afterAll(() => t.drop());

  it(`then a PATCH without If-Match answers ${patchStatus} and a DELETE ${deleteStatus}`, async () => {
    await business.post('/ogc/collections/land/items').set('Content-Crs', EPSG3006).send(landBody('QGIS-1', E0)).expect(201);
    const patch = await business.patch(item('QGIS-1')).send({ properties: { priceSekPerM2: 777 } }).expect(patchStatus);
    const { rows } = await t.db.query('select price_sek_per_m2 from land_parcels where ref = $1', ['QGIS-1']);
    expect(rows[0].price_sek_per_m2).toBe(mode === 'optional' ? 777 : null);
    expect(await version('QGIS-1')).toBe(mode === 'optional' ? 2 : 1);
    if (mode === 'optional') {
      expect(patch.headers.etag).toBe('"2"');
      const audit = await t.db.query("select action from audit_log where entity = 'land' and entity_ref = 'QGIS-1' order by id");
      expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update']);
    }
    await business.delete(item('QGIS-1')).expect(deleteStatus);
    expect(await version('QGIS-1')).toBe(mode === 'optional' ? null : 1);
  });

  it('then a stale If-Match is still 412 and a wrong role still 403, nothing changed', async () => {
    await business.post('/ogc/collections/land/items').set('Content-Crs', EPSG3006).send(landBody('QGIS-2', E0 + 400)).expect(201);
    await business.patch(item('QGIS-2')).set('If-Match', '"9"').send({ properties: { priceSekPerM2: 5 } }).expect(412);
    await owner.patch(item('QGIS-2')).send({ properties: { priceSekPerM2: 5 } }).expect(403);
    await request(t.app).delete(item('QGIS-2')).expect(401);
    expect(await version('QGIS-2')).toBe(1);
  });
});

describe('PUT on /ogc replaces the feature', () => {
  let t: TestApp;
  let business: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
    const b = await createAccount(t.db, { role: 'business' });
    business = await signIn(t.app, b.email, b.password);
  });
  afterAll(() => t.drop());

  it('when a PUT body leaves out an optional property, then it is cleared; a required one left out is a 400', async () => {
    const body = landBody('PUT-1', E0 + 800);
    body.properties = { ...body.properties, priceSekPerM2: 1200 } as typeof body.properties;
    await business.post('/ogc/collections/land/items').set('Content-Crs', EPSG3006).send(body).expect(201);
    const replaced = {
      type: 'Feature', geometry: squareNE(E0 + 800, N0, 120),
      properties: { ref: 'PUT-1', ownerType: 'municipal', status: 'reserved' },
    };
    await business.put(item('PUT-1')).set('If-Match', '"1"').set('Content-Crs', EPSG3006).send(replaced).expect(200);
    const { rows } = await t.db.query('select status, owner_name, price_sek_per_m2, round(ST_Area(geom)) area from land_parcels where ref = $1', ['PUT-1']);
    expect(rows[0]).toEqual({ status: 'reserved', owner_name: null, price_sek_per_m2: null, area: 14400 });
    const noStatus = { ...replaced, properties: { ref: 'PUT-1', ownerType: 'municipal' } };
    const res = await business.put(item('PUT-1')).set('If-Match', '"2"').set('Content-Crs', EPSG3006).send(noStatus).expect(400);
    expect(res.body.message).toMatch(/status/);
    expect((await t.db.query('select version from land_parcels where ref = $1', ['PUT-1'])).rows[0].version).toBe(2);
  });

  it('when a private owner\'s hidden name comes back null or not at all, then the stored name is kept', async () => {
    const body = landBody('PUT-2', E0 + 1200);
    body.properties = { ...body.properties, ownerType: 'private', ownerName: 'Anna Andersson' } as typeof body.properties;
    await business.post('/ogc/collections/land/items').set('Content-Crs', EPSG3006).send(body).expect(201);
    const read = await business.get(item('PUT-2')).expect(200);
    expect(read.body.properties.ownerName).toBeNull(); // /ogc shows no private names
    await business.patch(item('PUT-2')).set('If-Match', '"1"').send({ properties: { ownerName: null, priceSekPerM2: 10 } }).expect(200);
    const put = { type: 'Feature', geometry: squareNE(E0 + 1200, N0, 100), properties: { ref: 'PUT-2', ownerType: 'private', status: 'available' } };
    await business.put(item('PUT-2')).set('If-Match', '"2"').set('Content-Crs', EPSG3006).send(put).expect(200);
    const { rows } = await t.db.query('select owner_name, version from land_parcels where ref = $1', ['PUT-2']);
    expect(rows[0]).toEqual({ owner_name: 'Anna Andersson', version: 3 });
  });
});
