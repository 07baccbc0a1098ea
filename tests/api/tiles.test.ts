import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { tileRevisions } from '../../api/src/tiles/revision-cache';
import { createTestApp, type TestApp } from '../support/test-app';
import { loadMapFixture } from '../browser/map-fixture';
import { createApp } from '../../api/src/app';

const ROOT = path.resolve(__dirname, '../..');

interface DecodedFeature {
  id: number;
  properties: Record<string, unknown>;
  bbox: [number, number, number, number];
  /** How many vertices its geometry has (all rings and parts). */
  points: number;
}

/**
 * Decodes an MVT with @mapbox/vector-tile + pbf in a plain Node process (they are ESM-only,
 * which jest's CommonJS runtime cannot load) and returns each layer's features with their
 * lon/lat bounding boxes.
 */
function decodeMvt(buf: Buffer, z: number, x: number, y: number): Record<string, DecodedFeature[]> {
  const script = `
    import { VectorTile } from '@mapbox/vector-tile';
    import { PbfReader as Pbf } from 'pbf';
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    const tile = new VectorTile(new Pbf(Buffer.concat(chunks)));
    const out = {};
    for (const [name, layer] of Object.entries(tile.layers)) {
      out[name] = [];
      for (let i = 0; i < layer.length; i++) {
        const f = layer.feature(i);
        const g = f.toGeoJSON(${x}, ${y}, ${z});
        const pts = JSON.stringify(g.geometry.coordinates).match(/-?[0-9.e-]+,-?[0-9.e-]+/g).map((p) => p.split(',').map(Number));
        const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
        out[name].push({ id: f.id, properties: f.properties, bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], points: pts.length });
      }
    }
    process.stdout.write(JSON.stringify(out));`;
  const text = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: buf, cwd: ROOT });
  return JSON.parse(text.toString());
}

/** The XYZ tile holding a lon/lat at a zoom (the slippy-map formula, written out here). */
function tileOf(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

const getTile = (t: TestApp, layer: string, z: number, x: number, y: number) =>
  request(t.app).get(`/tiles/${layer}/${z}/${x}/${y}.mvt`).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describe('vector tiles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
    await loadMapFixture(t.db);
  });
  afterAll(() => t.drop());

  // Flemingsberg at zoom 14: the tile holds the fixture's zone fb-z1 whole.
  const fb = tileOf(17.938, 59.215, 14);

  test('when a plans tile is requested, then it is a valid MVT whose zones carry the plan facts and Boverket colour from the database', async () => {
    const res = await getTile(t, 'plans', fb.z, fb.x, fb.y).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers['cache-control']).toMatch(/no-cache/);
    expect(res.headers.etag).toMatch(/^"plans-/);
    const layers = decodeMvt(res.body, fb.z, fb.x, fb.y);
    expect(Object.keys(layers)).toEqual(['plans']);

    const { rows } = await t.db.query(
      `select z.id, z.ref, p.plan_id, p.status, p.legal_force_date::text as lfd, u.colour, u.name_sv,
              ST_XMin(e) as w, ST_YMin(e) as s, ST_XMax(e) as e, ST_YMax(e) as n
         from plan_zones z join plans p using (plan_id) join use_codes u on u.code = left(z.use_codes[1], 1),
              lateral (select ST_Transform(z.geom, 4326) as e) g
        where z.ref = 'fb-z1'`,
    );
    const want = rows[0];
    const zone = layers.plans.find((f) => f.properties.ref === 'fb-z1');
    expect(zone).toBeDefined();
    expect(zone!.id).toBe(want.id);
    expect(zone!.properties).toMatchObject({ planId: want.plan_id, status: want.status, legalForceDate: want.lfd, colour: want.colour, useCodes: 'J,Z' });
    expect(String(zone!.properties.useNamesSv)).toContain(want.name_sv);
    // Geometry: the zone lies wholly in the tile, so its decoded bounds are its own, to a
    // tile pixel (~10 m / 4096 at z14 is well under 1e-5 degrees).
    const tol = 2e-5;
    [want.w, want.s, want.e, want.n].forEach((v: number, i: number) => expect(Math.abs(zone!.bbox[i] - v)).toBeLessThan(tol));
  });

  test.each(['areas', 'land', 'municipalities'])('when a %s tile over Flemingsberg is requested, then it holds exactly the rows that intersect the tile', async (layer) => {
    const res = await getTile(t, layer, fb.z, fb.x, fb.y).expect(200);
    const decoded = decodeMvt(res.body, fb.z, fb.x, fb.y)[layer] ?? [];
    const table = { areas: 'areas', land: 'land_parcels', municipalities: 'municipalities' }[layer]!;
    const { rows } = await t.db.query(
      `select ref from ${table} where ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope($1, $2, $3)) order by ref`,
      [fb.z, fb.x, fb.y],
    );
    expect(decoded.map((f) => f.properties.ref).sort()).toEqual(rows.map((r) => r.ref).sort());
    expect(rows.length).toBeGreaterThan(0);
  });

  test('when low-zoom tiles are requested, then the data is in them (the 3006 window copes with a world envelope)', async () => {
    const world = await getTile(t, 'municipalities', 0, 0, 0).expect(200);
    expect(decodeMvt(world.body, 0, 0, 0).municipalities.map((f) => f.properties.ref).sort()).toEqual(['0126', '0180']);
    const z5 = tileOf(18, 59.2, 5);
    const region = await getTile(t, 'areas', z5.z, z5.x, z5.y).expect(200);
    expect(decodeMvt(region.body, z5.z, z5.x, z5.y).areas.map((f) => f.properties.ref).sort()).toEqual(['flemingsberg', 'lanna']);
  });

  test('when a tile far from Sweden is requested, then it is an empty 200, not an error', async () => {
    const pacific = tileOf(-150, -20, 8);
    const res = await getTile(t, 'plans', pacific.z, pacific.x, pacific.y).expect(200);
    expect(res.body.length).toBe(0);
  });

  test('when If-None-Match names the current ETag, then the answer is 304 without a body', async () => {
    const first = await getTile(t, 'land', fb.z, fb.x, fb.y).expect(200);
    const etag = first.headers.etag;
    const again = await request(t.app).get(`/tiles/land/${fb.z}/${fb.x}/${fb.y}.mvt`).set('If-None-Match', etag).expect(304);
    expect(again.headers.etag).toBe(etag);
    expect(again.text ?? '').toBe('');
    await request(t.app).get(`/tiles/land/${fb.z}/${fb.x}/${fb.y}.mvt`).set('If-None-Match', `W/${etag}`).expect(304);
    await request(t.app).get(`/tiles/land/${fb.z}/${fb.x}/${fb.y}.mvt`).set('If-None-Match', '"land-r0-0-f1"').expect(200);
  });

  test('when a parcel changes, then the land ETag changes, the old one no longer gives 304, and the other layers keep theirs', async () => {
    const before = (await getTile(t, 'land', fb.z, fb.x, fb.y)).headers.etag;
    const plansBefore = (await getTile(t, 'plans', fb.z, fb.x, fb.y)).headers.etag;
    await t.db.query(`update land_parcels set status = 'sold' where ref = 'Flemingsberg 1:2'`);
    const after = await getTile(t, 'land', fb.z, fb.x, fb.y).set('If-None-Match', before).expect(200);
    expect(after.headers.etag).not.toBe(before);
    const parcel = decodeMvt(after.body, fb.z, fb.x, fb.y).land.find((f) => f.properties.ref === 'Flemingsberg 1:2');
    expect(parcel!.properties.status).toBe('sold');
    expect((await getTile(t, 'plans', fb.z, fb.x, fb.y)).headers.etag).toBe(plansBefore);
  });

  test('when a plan (not its zones) changes status, then the plans ETag changes and the tile shows the new status', async () => {
    const before = (await getTile(t, 'plans', fb.z, fb.x, fb.y)).headers.etag;
    await t.db.query(`update plans set status = 'review' where plan_id = 'DP-FB-2'`);
    const after = await getTile(t, 'plans', fb.z, fb.x, fb.y).expect(200);
    expect(after.headers.etag).not.toBe(before);
    const zone = decodeMvt(after.body, fb.z, fb.x, fb.y).plans.find((f) => f.properties.ref === 'fb-z2');
    expect(zone!.properties.status).toBe('review');
  });

  test('when a zone changes, then the plans ETag changes', async () => {
    const before = (await getTile(t, 'plans', fb.z, fb.x, fb.y)).headers.etag;
    await t.db.query(`update plan_zones set max_height_m = 24 where ref = 'fb-z1'`);
    const after = await getTile(t, 'plans', fb.z, fb.x, fb.y).expect(200);
    expect(after.headers.etag).not.toBe(before);
    expect(decodeMvt(after.body, fb.z, fb.x, fb.y).plans.find((f) => f.properties.ref === 'fb-z1')!.properties.maxHeightM).toBe(24);
  });

  test.each([
    ['/tiles/roads/14/1/1.mvt', 'layer'],
    ['/tiles/premises/14/1/1.mvt', 'layer'],
    ['/tiles/plans/23/1/1.mvt', 'z'],
    ['/tiles/plans/2/4/1.mvt', 'x'],
    ['/tiles/plans/2/1/4.mvt', 'y'],
    ['/tiles/plans/a/1/1.mvt', 'z'],
    ['/tiles/plans/2/-1/1.mvt', 'x'],
    ['/tiles/plans/2/1/1.5.mvt', 'y'],
  ])('when %s is requested, then 400 names %s', async (url, field) => {
    const res = await request(t.app).get(url).expect(400);
    expect(res.body.code).toBe('invalid_tile');
    expect(res.body.message).toContain(field);
  });

  test('when a tile path has the wrong shape, then 404 in the error format', async () => {
    const res = await request(t.app).get('/tiles/plans/2/1').expect(404);
    expect(res.body.code).toBe('not_found');
  });

  test('when the plans TileJSON is read, then it names the tile URL, the Boverket attribution and every use code colour of the table', async () => {
    const res = await request(t.app).get('/tiles/plans.json').expect(200);
    expect(res.body.tiles[0]).toMatch(/\/tiles\/plans\/\{z\}\/\{x\}\/\{y\}\.mvt$/);
    expect(res.body.attribution).toBe('Källa: Boverket, Planbestämmelsekatalogen');
    const { rows } = await t.db.query('select code, colour from use_codes order by code');
    expect(res.body.useCodes.map((u: { code: string; colour: string }) => [u.code, u.colour])).toEqual(rows.map((r) => [r.code, r.colour]));
    await request(t.app).get('/tiles/roads.json').expect(400);
  });

  test.each([
    ['plans', 'plan_zones_geom_idx'],
    ['land', 'land_parcels_geom_idx'],
    ['areas', 'areas_geom_idx'],
    ['municipalities', 'municipalities_geom_idx'],
  ])('when a %s tile is planned, then the 3006 table is searched through its GiST index with the transformed tile window', async (layer, index) => {
    const sql = fs.readFileSync(path.join(ROOT, `api/src/tiles/tile-${layer}.sql`), 'utf8');
    const client = await t.db.connect();
    try {
      await client.query('begin');
      // The fixture is tiny, so the planner would scan anyway: forbid that, and see whether
      // the query can use the index at all (it cannot if the table's geometry is transformed).
      await client.query('set local enable_seqscan = off');
      const { rows } = await client.query(`explain (format json) ${sql.replace(/\$1/g, String(fb.z)).replace(/\$2/g, String(fb.x)).replace(/\$3/g, String(fb.y))}`);
      expect(JSON.stringify(rows[0])).toContain(index);
    } finally {
      await client.query('rollback');
      client.release();
    }
  });

  test('when the OpenAPI document is read, then it describes the tile endpoint', async () => {
    const res = await request(t.app).get('/api/openapi.json').expect(200);
    expect(res.body.paths['/tiles/{layer}/{z}/{x}/{y}.mvt'].get.responses).toHaveProperty('304');
  });
});

// Today's land tile at full detail (tile-land.sql from z13 up), written out here: the
// reference a generalised low-zoom tile is compared with over the same data.
const FULL_DETAIL_LAND = `
with t as materialized (select ST_TileEnvelope($1, $2, $3) as env, tile_envelope_3006($1, $2, $3) as search)
select ST_AsMVT(f, 'land', 4096, 'geom', 'id') as tile
from (
  select l.id, l.ref, l.owner_type as "ownerType", visible_owner_name(l.owner_type, l.owner_name) as "ownerName",
         l.status, l.price_sek_per_m2::float8 as "priceSekPerM2", l.area_ref as "areaRef",
         round(ST_Area(l.geom))::float8 as "areaM2", l.illustrative,
         ST_AsMVTGeom(ST_Transform(l.geom, 3857), t.env, 4096, 64, true) as geom
  from t join land_parcels l on l.geom && t.search and ST_Intersects(l.geom, t.search)
) f
where f.geom is not null`;

/** One pixel of a tile drawn at 512 px, in true metres at the tile's centre latitude. */
function pixelMetres(z: number, y: number): number {
  const lat = Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / 2 ** z)));
  return (40075016.686 / 2 ** z / 512) * Math.cos(lat);
}

describe('land tiles below z13 are generalised; revisions are cached and follow every write', () => {
  let t: TestApp;
  const fb = tileOf(17.938, 59.215, 14);
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
    await loadMapFixture(t.db);
    // East of Flemingsberg: a parcel drawn finely (a 513-vertex circle of 150 m radius, as a
    // surveyed boundary with curves is) and one of 15 × 15 m, smaller than a z10 or z11 pixel.
    await t.db.query(`
      insert into land_parcels (ref, owner_type, owner_name, status, price_sek_per_m2, geom)
      select 'Generalised 1:1', 'municipal', 'Huddinge kommun', 'available', 950, ST_Buffer(c, 150, 128) from p
      union all
      select 'Generalised 1:2', 'municipal', 'Huddinge kommun', 'reserved', 950, ST_Expand(ST_Translate(c, 400, 0), 7.5) from p`
      .replace(/from p/g, `from (select ST_Transform(ST_SetSRID(ST_MakePoint(17.97, 59.22), 4326), 3006) as c) p`));
  });
  afterAll(() => t.drop());

  test('when a z10 land tile is requested, then it is smaller than the full-detail rendering of the same data, with simpler outlines, and holds every parcel of at least a pixel with its status and owner type', async () => {
    const { z, x, y } = tileOf(17.95, 59.21, 10);
    const res = await getTile(t, 'land', z, x, y).expect(200);
    const full: Buffer = (await t.db.query(FULL_DETAIL_LAND, [z, x, y])).rows[0].tile;
    const ours = decodeMvt(res.body, z, x, y).land;
    const reference = decodeMvt(full, z, x, y).land;
    expect(res.body.length).toBeLessThan(full.length * 0.75);

    const { rows: parcels } = await t.db.query(
      `select id, ref, status, owner_type, illustrative, ST_Area(geom) as m2,
              ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope($1, $2, $3)) as inside,
              ST_X(ST_Transform(ST_PointOnSurface(geom), 4326)) as lon, ST_Y(ST_Transform(ST_PointOnSurface(geom), 4326)) as lat
         from land_parcels where ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096))`, [z, x, y]);
    const px = pixelMetres(z, y);
    const visible = parcels.filter((p) => p.m2 >= px * px);
    const inside = visible.filter((p) => p.inside);
    expect(inside.length).toBeGreaterThan(3);
    expect(visible.length).toBeLessThan(parcels.length); // the 15 × 15 m parcel is under a pixel
    // exactly the parcels of at least a pixel (those in the 64/4096 buffer may be there too)
    expect(ours.length).toBeGreaterThanOrEqual(inside.length);
    expect(ours.length).toBeLessThanOrEqual(visible.length);
    const holds = (f: DecodedFeature, lon: number, lat: number) => f.bbox[0] <= lon && lon <= f.bbox[2] && f.bbox[1] <= lat && lat <= f.bbox[3];
    for (const p of inside) {
      const at = ours.filter((f) => holds(f, p.lon, p.lat));
      expect(at.some((f) => f.properties.status === p.status && f.properties.ownerType === p.owner_type)).toBe(true);
    }
    const small = parcels.find((p) => p.ref === 'Generalised 1:2')!;
    expect(ours.some((f) => holds(f, small.lon, small.lat))).toBe(false);
    // z10 carries what the overview draws, not what a click at z13+ reads, nor ids
    for (const f of ours) {
      expect(f.id).toBeUndefined();
      expect(['ownerType', 'status', 'illustrative']).toEqual(expect.arrayContaining(Object.keys(f.properties)));
      if ('illustrative' in f.properties) expect(f.properties.illustrative).toBe(true);
    }
    // the finely drawn parcel: the same place, far fewer vertices
    const round = parcels.find((p) => p.ref === 'Generalised 1:1')!;
    const detailed = reference.find((f) => f.id === round.id)!;
    const simple = ours.find((f) => holds(f, round.lon, round.lat) && f.bbox.every((v, i) => Math.abs(v - detailed.bbox[i]) < 0.001))!;
    expect(simple).toBeDefined();
    expect(simple.points).toBeLessThan(detailed.points / 3);
  });

  test('when a parcel changes, then the next z11 tile shows it (overview tiles are kept in memory per revision, never across one)', async () => {
    const { z, x, y } = tileOf(17.97, 59.22, 11);
    const id = (await t.db.query(`select id from land_parcels where ref = 'Generalised 1:1'`)).rows[0].id;
    const statusIn = async () => decodeMvt((await getTile(t, 'land', z, x, y).expect(200)).body, z, x, y).land.find((f) => f.id === id)?.properties.status;
    expect(await statusIn()).toBe('available');
    expect(await statusIn()).toBe('available');
    await t.db.query(`update land_parcels set status = 'sold' where id = $1`, [id]);
    expect(await statusIn()).toBe('sold');
    await t.db.query(`update land_parcels set status = 'available' where id = $1`, [id]);
    expect(await statusIn()).toBe('available');
  });

  test('when z11 and z12 land tiles are requested, then a parcel appears from the zoom where it covers a pixel, and hovers have their designation', async () => {
    const small = (await t.db.query(`select id from land_parcels where ref = 'Generalised 1:2'`)).rows[0].id;
    const at = async (zoom: number) => {
      const { z, x, y } = tileOf(17.977, 59.22, zoom);
      return decodeMvt((await getTile(t, 'land', z, x, y).expect(200)).body, z, x, y).land;
    };
    const z11 = await at(11);
    expect(z11.some((f) => f.id === small)).toBe(false); // 225 m² < (19.6 m)²
    expect(z11.every((f) => typeof f.properties.ref === 'string')).toBe(true);
    expect((await at(12)).find((f) => f.id === small)?.properties).toMatchObject({ ref: 'Generalised 1:2', status: 'reserved' }); // > (9.8 m)²
  });

  test('when a z13 land tile is requested, then it is the full-detail rendering, byte for byte', async () => {
    const { z, x, y } = tileOf(17.97, 59.22, 13);
    const res = await getTile(t, 'land', z, x, y).expect(200);
    const full: Buffer = (await t.db.query(FULL_DETAIL_LAND, [z, x, y])).rows[0].tile;
    expect(full.length).toBeGreaterThan(0);
    expect(res.body.equals(full)).toBe(true);
  });

  test('when another connection (a loader, psql) writes a parcel, then the land ETag served from memory changes as soon as its NOTIFY arrives', async () => {
    const cache = tileRevisions(t.ctx);
    const saved = cache.maxAgeMs;
    cache.maxAgeMs = 60_000; // only the notification may end the cached revision here
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      const path = `/tiles/land/${fb.z}/${fb.x}/${fb.y}.mvt`;
      const etag = (await getTile(t, 'land', fb.z, fb.x, fb.y).expect(200)).headers.etag;
      // revalidate until the revision is served from memory (the listener connects on first use)
      for (let i = 0; i < 200 && !cache.peek('land'); i++) {
        await request(t.app).get(path).set('If-None-Match', etag).expect(304);
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(cache.peek('land')).toBeDefined();
      await request(t.app).get(path).set('If-None-Match', etag).expect(304);

      const notified = cache.nextInvalidation();
      const start = Date.now();
      await other.query(`update land_parcels set status = 'reserved' where ref = 'Flemingsberg 1:2'`);
      await Promise.race([notified, new Promise((_, reject) => setTimeout(() => reject(new Error('no notification within 2 s')), 2000))]);
      const waitedMs = Date.now() - start;
      expect(waitedMs).toBeLessThan(500);
      const after = await getTile(t, 'land', fb.z, fb.x, fb.y).set('If-None-Match', etag).expect(200);
      expect(after.headers.etag).not.toBe(etag);
      // and the next revalidation of the new ETag is served from memory again
      await request(t.app).get(path).set('If-None-Match', after.headers.etag).expect(304);
      expect(cache.peek('land')).toBeDefined();
    } finally {
      cache.maxAgeMs = saved;
      await other.end();
    }
  });

  test('when a write goes through this process\'s pool, then the cached revision is dropped before the writer goes on (no wait for the notification)', async () => {
    const cache = tileRevisions(t.ctx);
    const etag = (await getTile(t, 'land', fb.z, fb.x, fb.y).expect(200)).headers.etag;
    await request(t.app).get(`/tiles/land/${fb.z}/${fb.x}/${fb.y}.mvt`).set('If-None-Match', etag).expect(304);
    expect(cache.peek('land')).toBeDefined();
    // a tile render is known read-only: it leaves the cached revision in place
    await getTile(t, 'land', fb.z, fb.x + 1, fb.y).expect(200);
    expect(cache.peek('land')).toBeDefined();
    await t.db.query(`update land_parcels set status = 'available' where ref = 'Flemingsberg 1:2'`);
    expect(cache.peek('land')).toBeUndefined();
    await getTile(t, 'land', fb.z, fb.x, fb.y).set('If-None-Match', etag).expect(200);
  });

  test('when tiles are read from a replica pool (DATABASE_READ_URL), then revisions are not cached: NOTIFY does not reach a standby', async () => {
    const readDb = new pg.Pool({ connectionString: t.url, max: 2 });
    try {
      const ctx = { ...t.ctx, readDb };
      const app = createApp(ctx);
      const path = `/tiles/land/${fb.z}/${fb.x}/${fb.y}.mvt`;
      const etag = (await request(app).get(path).expect(200)).headers.etag;
      await request(app).get(path).set('If-None-Match', etag).expect(304);
      await request(app).get(path).set('If-None-Match', etag).expect(304);
      expect(tileRevisions(ctx).peek('land')).toBeUndefined();
    } finally {
      await readDb.end();
    }
  });
});
