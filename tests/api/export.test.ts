// Exports: every layer as GeoJSON, CSV and GeoPackage, filtered exactly as the read API
// filters, and a match result — checked against the JSON API's own answers, read back with GDAL.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);
type Feature = { geometry: { coordinates: unknown }; properties: Record<string, unknown> };
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const leftovers = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('etablera-export-')).length;

describe('exports', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etablera-export-test-'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await t.drop();
  });

  /** A GeoPackage or CSV read back by GDAL as GeoJSON features. */
  const readBack = async (file: Buffer, ext: string): Promise<Feature[]> => {
    const src = path.join(dir, `in-${Math.random().toString(36).slice(2)}.${ext}`);
    const out = `${src}.geojson`;
    fs.writeFileSync(src, file);
    const open = ext === 'csv' ? ['-oo', 'GEOM_POSSIBLE_NAMES=WKT', '-oo', 'KEEP_GEOM_COLUMNS=NO'] : [];
    await run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'RFC7946=NO', ...open, out, src]);
    return JSON.parse(fs.readFileSync(out, 'utf8')).features;
  };
  const refsOf = (fs_: Feature[]) => fs_.map((f) => String(f.properties.ref)).sort();

  it.each([
    ['land', 'status=available&ownerType=municipal'],
    ['plans', 'status=in_force'],
    ['premises', 'kind=office'],
    ['stops', 'mode=commuter_rail'],
    ['areas', ''],
    ['municipalities', 'relation=neighbour'],
  ])('when %s is exported with the filters %s, then GeoJSON, CSV and GeoPackage hold exactly what GET /api/{layer} answers', async (layer, query) => {
    const before = leftovers();
    const api: Feature[] = (await request(t.app).get(`/api/${layer}?${query}`).expect(200)).body.features;
    expect(api.length).toBeGreaterThan(0);

    const gj = await request(t.app).get(`/api/export/${layer}.geojson?${query}`).expect(200);
    expect(gj.headers['content-disposition']).toMatch(new RegExp(`attachment; filename="?etablera-${layer}-\\d{4}-\\d{2}-\\d{2}\\.geojson"?`));
    expect(JSON.parse(gj.text).features).toEqual(api);

    const csv = await request(t.app).get(`/api/export/${layer}.csv?${query}`).buffer(true).parse(binary).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFFWKT,')).toBe(true);
    const fromCsv = await readBack(csv.body, 'csv');
    expect(refsOf(fromCsv)).toEqual(refsOf(api));

    const gpkg = await request(t.app).get(`/api/export/${layer}.gpkg?${query}`).buffer(true).parse(binary).expect(200);
    expect(gpkg.headers['content-type']).toBe('application/geopackage+sqlite3');
    expect(gpkg.body.subarray(0, 15).toString()).toBe('SQLite format 3');
    const fromGpkg = await readBack(gpkg.body, 'gpkg');
    expect(refsOf(fromGpkg)).toEqual(refsOf(api));
    const byRef = new Map(api.map((f) => [String(f.properties.ref), f]));
    for (const f of fromGpkg) expect(f.geometry.coordinates).toEqual(byRef.get(String(f.properties.ref))!.geometry.coordinates);
    expect(leftovers()).toBe(before); // temporary files removed
  });

  it('when a layer is exported with crs=3006, then the GeoPackage is in SWEREF 99 TM', async () => {
    const gpkg = await request(t.app).get('/api/export/land.gpkg?crs=3006').buffer(true).parse(binary).expect(200);
    const file = path.join(dir, 'land3006.gpkg');
    fs.writeFileSync(file, gpkg.body);
    const { stdout } = await run('ogrinfo', ['-ro', '-so', file, 'land']);
    expect(stdout).toMatch(/ID\["EPSG",3006\]\]\s*Data axis/);
    const api = (await request(t.app).get('/api/land?crs=3006').expect(200)).body.features as Feature[];
    expect(stdout).toContain(`Feature Count: ${api.length}`);
  });

  it('when a match result is exported, then its sites come in rank order with their scores, in every format', async () => {
    const body = { use: 'industry', minAreaM2: 5000 };
    const match = (await request(t.app).post('/api/match').send(body).expect(200)).body;
    expect(match.results.length).toBeGreaterThan(1);
    const gj = JSON.parse((await request(t.app).post('/api/export/match.geojson').send(body).expect(200)).text);
    expect(gj.features.map((f: Feature) => [f.properties.rank, f.properties.ref, f.properties.score])).toEqual(
      match.results.map((r: { rank: number; ref: string; score: number }) => [r.rank, r.ref, r.score]),
    );
    for (const ext of ['csv', 'gpkg']) {
      const file = await request(t.app).post(`/api/export/match.${ext}`).send(body).buffer(true).parse(binary).expect(200);
      const back = await readBack(file.body, ext);
      expect(back.map((f) => String(f.properties.ref))).toEqual(match.results.map((r: { ref: string }) => r.ref));
    }
  });

  it('when /api/openapi.json is read, then it documents both downloads', async () => {
    const doc = (await request(t.app).get('/api/openapi.json').expect(200)).body;
    expect(doc.paths['/api/export/{layer}.{format}'].get.parameters[1].schema.enum).toEqual(['geojson', 'csv', 'gpkg']);
    expect(doc.paths['/api/export/match.{format}'].post.requestBody).toBeDefined();
  });

  it('when the filters or the file name are wrong, then 4xx {code, message} and no file is left behind', async () => {
    const before = leftovers();
    expect((await request(t.app).get('/api/export/land.csv?status=bogus').expect(400)).body.code).toBe('invalid_parameter');
    expect((await request(t.app).get('/api/export/land.csv?colour=red').expect(400)).body.message).toMatch(/colour/);
    await request(t.app).get('/api/export/land.xlsx').expect(404);
    await request(t.app).get('/api/export/accounts.csv').expect(404);
    expect((await request(t.app).post('/api/export/match.csv').send({ use: 'industry' }).expect(400)).body.code).toBe('invalid_request');
    expect(leftovers()).toBe(before);
  });
});
