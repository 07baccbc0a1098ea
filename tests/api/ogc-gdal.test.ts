// A real client: GDAL's OGC API – Features driver (Debian's gdal-bin) against a listening
// server opens every collection, lists its features and copies them to a GeoPackage, in
// CRS84 and in EPSG:3006 — with the JSON API's feature counts and coordinates (to 1 cm).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/server';

const run = promisify(execFile);
const LAYERS = ['areas', 'land', 'plans', 'premises', 'stops', 'municipalities'];

type Geometry = { type: string; coordinates: unknown };
type Feature = { geometry: Geometry; properties: Record<string, unknown> };

/** Every position of a geometry, flattened. */
const positions = (c: unknown): number[][] => (typeof (c as unknown[])[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(positions));

/** The largest distance between corresponding positions (single parts compared as multi with one part). */
function maxDelta(a: Geometry, b: Geometry): number {
  const pa = positions(a.coordinates);
  const pb = positions(b.coordinates);
  if (pa.length !== pb.length) return Infinity;
  return Math.max(...pa.map((p, i) => Math.hypot(p[0] - pb[i][0], p[1] - pb[i][1])));
}

describe('GDAL OAPIF driver against /ogc', () => {
  let s: TestServer;
  let dir: string;
  let ogc: string;

  const json = async (url: string) => (await fetch(url)).json() as Promise<{ features: Feature[] }>;
  /** Features as GDAL read them, written as GeoJSON (coordinates in the source's CRS, x/y order). */
  const gdalFeatures = async (source: string, layer: string, extra: string[] = []): Promise<Feature[]> => {
    const out = path.join(dir, `${layer}-${Math.random().toString(36).slice(2)}.geojson`);
    await run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'RFC7946=NO', '-lco', 'COORDINATE_PRECISION=10', ...extra, out, source, layer], { timeout: 120_000 });
    return JSON.parse(fs.readFileSync(out, 'utf8')).features;
  };
  const byRef = (fs_: Feature[]) => new Map(fs_.map((f) => [String(f.properties.ref), f]));
  const compare = (got: Feature[], expected: Feature[], tolerance: number) => {
    const e = byRef(expected);
    expect([...byRef(got).keys()].sort()).toEqual([...e.keys()].sort());
    const worst = Math.max(...got.map((f) => maxDelta(f.geometry, e.get(String(f.properties.ref))!.geometry)));
    expect(worst).toBeLessThanOrEqual(tolerance);
  };

  beforeAll(async () => {
    s = await startTestServer({ seeded: true });
    ogc = `OAPIF:${s.url}/ogc`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etablera-ogc-gdal-'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await s.close();
  });

  it('when ogrinfo opens the service, then it lists every collection with the JSON API’s feature count', async () => {
    const { stdout } = await run('ogrinfo', ['-ro', '-so', ogc], { timeout: 120_000 });
    for (const [i, layer] of LAYERS.entries()) expect(stdout).toContain(`${i + 1}: ${layer} (`);
    for (const layer of LAYERS) {
      const expected = (await json(`${s.url}/api/${layer}`)).features.length;
      const info = await run('ogrinfo', ['-ro', '-so', ogc, layer], { timeout: 120_000 });
      expect(info.stdout).toContain(`Feature Count: ${expected}`);
    }
  });

  it.each(LAYERS)('when GDAL lists %s in CRS84, then features and coordinates equal the JSON API’s (1e-7°, ~1 cm)', async (layer) => {
    const expected = (await json(`${s.url}/api/${layer}`)).features;
    expect(expected.length).toBeGreaterThan(0);
    compare(await gdalFeatures(ogc, layer), expected, 1.01e-7);
  });

  it('when ogr2ogr copies every collection to a GeoPackage in CRS84 and in EPSG:3006, then both hold the JSON API’s features to 1 cm', async () => {
    const gpkg84 = path.join(dir, 'etablera-crs84.gpkg');
    const gpkg3006 = path.join(dir, 'etablera-3006.gpkg');
    await run('ogr2ogr', ['-f', 'GPKG', gpkg84, ogc], { timeout: 300_000 });
    await run('ogr2ogr', ['-f', 'GPKG', '-t_srs', 'EPSG:3006', gpkg3006, ogc], { timeout: 300_000 });
    const layers = (await run('ogrinfo', ['-ro', '-q', gpkg3006])).stdout;
    for (const layer of LAYERS) {
      expect(layers).toContain(`${layer} (`);
      compare(await gdalFeatures(gpkg84, layer), (await json(`${s.url}/api/${layer}`)).features, 1.01e-7);
      // metres: the JSON API's own 3006 output is the reference; 1 cm allowed for the 7-decimal degrees in between
      compare(await gdalFeatures(gpkg3006, layer), (await json(`${s.url}/api/${layer}?crs=3006`)).features, 0.01);
    }
  });

  it('when GDAL reads the server’s own EPSG:3006 output (northing first), then swapped back it is the JSON API’s 3006 geometry to 1 mm', async () => {
    const url = `${s.url}/ogc/collections/land/items?limit=10000&crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/3006')}`;
    const got = await gdalFeatures(url, 'OGRGeoJSON');
    const swapped = got.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: swapAll(f.geometry.coordinates) } }));
    compare(swapped, (await json(`${s.url}/api/land?crs=3006`)).features, 0.0011);
  });
});

function swapAll(c: unknown): unknown {
  return typeof (c as unknown[])[0] === 'number' ? [(c as number[])[1], (c as number[])[0]] : (c as unknown[]).map(swapAll);
}
