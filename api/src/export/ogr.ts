import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors/app-error';
import type { Srid } from '../geo/crs';

const run = promisify(execFile);

/** At most this many ogr2ogr conversions at once (2 cores); more → 503 with Retry-After. */
const MAX_CONCURRENT = 2;
/** Longest one conversion may take. */
const TIMEOUT_MS = 60_000;
let running = 0;

export type FileFormat = 'csv' | 'gpkg';

/** Flattens properties GDAL cannot type (lists, objects) into text: `J,K`, JSON. */
export function flatProperties(fc: { features: Array<{ properties: Record<string, unknown> }> }): void {
  for (const f of fc.features) {
    for (const [k, v] of Object.entries(f.properties)) {
      if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) f.properties[k] = v.join(',');
      else if (v !== null && typeof v === 'object') f.properties[k] = JSON.stringify(v);
    }
  }
}

/**
 * A GeoJSON FeatureCollection (text, in `srid`) as a CSV (geometry as WKT) or GeoPackage file,
 * made by GDAL's ogr2ogr from a temporary GeoJSON file; the temporary files are removed
 * whatever happens. Example: `await convert(json, 'gpkg', 'land', 4326)`.
 */
export async function convert(geojson: string, format: FileFormat, layerName: string, srid: Srid): Promise<Buffer> {
  if (running >= MAX_CONCURRENT) {
    throw new AppError(503, 'export_busy', 'Other exports are being made right now; try again in a few seconds', { retryAfter: 5 });
  }
  running++;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'etablera-export-'));
  try {
    const input = path.join(dir, 'in.geojson');
    const output = path.join(dir, format === 'csv' ? `${layerName}.csv` : `${layerName}.gpkg`);
    await fs.writeFile(input, geojson);
    const args = format === 'csv'
      ? ['-f', 'CSV', '-lco', 'GEOMETRY=AS_WKT', '-lco', 'WRITE_BOM=YES', '-lco', 'LINEFORMAT=CRLF']
      : ['-f', 'GPKG', '-a_srs', `EPSG:${srid}`];
    await run('ogr2ogr', [...args, '-nln', layerName, output, input], { timeout: TIMEOUT_MS, killSignal: 'SIGKILL' });
    return await fs.readFile(output);
  } finally {
    running--;
    await fs.rm(dir, { recursive: true, force: true });
  }
}
