import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { SWEREF99TM } from '../../geo/crs';
import { LoadError } from '../load-error';
import type { FeatureSource } from './source';

const fileIssue = (reason: string) => new LoadError([{ index: null, reason }]);

/** GDAL's name for the file: zipped Shapefiles and gzipped files are read in place. */
export function gdalPath(file: string): string {
  const abs = path.resolve(file);
  if (/\.zip$/i.test(abs)) return `/vsizip/${abs}`;
  if (/\.gz$/i.test(abs)) return `/vsigzip/${abs}`;
  return abs;
}

// CSV with WKT: the geometry column by its usual names, typed attributes (numbers stay numbers).
const csvOpenOptions = (src: string) =>
  /\.csv$/i.test(src) ? ['-oo', 'GEOM_POSSIBLE_NAMES=wkt,WKT,geometry,geom,the_geom', '-oo', 'KEEP_GEOM_COLUMNS=NO', '-oo', 'AUTODETECT_TYPE=YES'] : [];

function gdal(tool: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw fileIssue(`${tool} (GDAL, Debian package gdal-bin) cannot be run: ${r.error.message}`);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr.trim() };
}

/** The vector layers GDAL finds in the file; a file GDAL cannot open is refused with its reason. */
export function gdalLayers(file: string): string[] {
  const src = gdalPath(file);
  const r = gdal('ogrinfo', ['-ro', '-q', ...csvOpenOptions(src), src]);
  if (!r.ok) {
    const reason = r.stderr.replace(/^ERROR \d+: /gm, '') || /Unable to open datasource[^\n]*/.exec(r.stdout)?.[0] || 'unknown reason';
    throw fileIssue(`GDAL cannot read ${file}: ${reason}`);
  }
  const layers = r.stdout.split('\n').map((l) => /^\d+: (.+?)(?: \([^)]*\))?$/.exec(l.trim())?.[1]).filter((l): l is string => !!l);
  if (layers.length === 0) throw fileIssue(`GDAL finds no vector layer in ${file}`);
  return layers;
}

export interface GdalOptions {
  /** `--layer`: the layer to read in a file of several. */
  layer?: string;
  /** A layer to pick when `--layer` is not given (a mapping's usual source layer). */
  preferredLayer?: string;
  /** `--crs N`: the CRS of a file that declares none (CSV); overrides a declared one. */
  crs?: number;
}

function pickLayer(file: string, layers: string[], { layer, preferredLayer }: GdalOptions): string {
  if (layer !== undefined) {
    if (!layers.includes(layer)) throw fileIssue(`${file} has no layer '${layer}' (its layers: ${layers.join(', ')})`);
    return layer;
  }
  if (layers.length === 1) return layers[0];
  if (preferredLayer && layers.includes(preferredLayer)) return preferredLayer;
  throw fileIssue(`${file} has ${layers.length} layers (${layers.join(', ')}): choose one with --layer <name>`);
}

/** What `ogrinfo -so` says about one layer: its feature count and whether it declares a CRS. */
function layerSummary(src: string, layer: string): { count?: number; hasCrs: boolean } {
  const r = gdal('ogrinfo', ['-ro', '-so', ...csvOpenOptions(src), src, layer]);
  if (!r.ok) throw fileIssue(`GDAL cannot read layer '${layer}': ${r.stderr}`);
  const count = /Feature Count: (\d+)/.exec(r.stdout)?.[1];
  return { count: count === undefined || count === '-1' ? undefined : Number(count), hasCrs: !/Layer SRS WKT:\s*\n\(unknown\)/.test(r.stdout) };
}

/**
 * Any vector file GDAL reads (GeoPackage, Shapefile or zipped Shapefile, GeoJSON, GeoJSON
 * sequence, FlatGeobuf, CSV with WKT), streamed through `ogr2ogr`: GDAL transforms from the
 * CRS the file declares to SWEREF 99 TM and writes GeoJSON, one feature per line, which is
 * read line by line (constant memory). GDAL's GeoJSON writer is used rather than GeoJSONSeq
 * because GeoJSONSeq always reprojects to WGS 84 at 7 decimals; this keeps 3006 metres at
 * 15 decimals, and the storage CRS is checked (Sweden's bounds, validity) as it is stored.
 */
export function gdalFileSource(file: string, options: GdalOptions = {}): FeatureSource {
  const src = gdalPath(file);
  const layerName = pickLayer(file, gdalLayers(file), options);
  const { count, hasCrs } = layerSummary(src, layerName);
  if (!hasCrs && options.crs === undefined) {
    throw fileIssue(`${file}: layer '${layerName}' declares no CRS; give it with --crs <EPSG code> (e.g. --crs 3006)`);
  }
  const args = [
    '-f', 'GeoJSON', '/vsistdout/', ...csvOpenOptions(src), src, layerName,
    ...(options.crs !== undefined ? ['-s_srs', `EPSG:${options.crs}`] : []),
    '-t_srs', `EPSG:${SWEREF99TM}`, '-lco', 'RFC7946=NO', '-lco', 'WRITE_NAME=NO', '-lco', 'WRITE_BBOX=NO',
  ];
  return { srid: SWEREF99TM, total: count, layerName, features: () => streamFeatures(file, args) };
}

async function* streamFeatures(file: string, args: string[]): AsyncGenerator<unknown> {
  const child = spawn('ogr2ogr', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 8192) stderr += d;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  let rest = '';
  const parse = (line: string) => {
    // GDAL writes the collection's header and footer on lines of their own, each feature on one.
    if (!line.startsWith('{ "type": "Feature"')) return undefined;
    return JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as unknown;
  };
  try {
    child.stdout.setEncoding('utf8');
    for await (const chunk of child.stdout as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const f = parse(line);
        if (f !== undefined) yield f;
      }
    }
    const last = parse(rest);
    if (last !== undefined) yield last;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code !== 0) throw fileIssue(`GDAL could not read ${file} to the end: ${stderr.trim() || `ogr2ogr exited with ${code}`}`);
}
