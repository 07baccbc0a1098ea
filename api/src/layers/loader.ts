import fs from 'node:fs';
import type { Geometry } from 'geojson';
import type { Db, DbClient, Queryable } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { sqlFile } from '../db/sql-file';
import { WGS84, type Srid } from '../geo/crs';
import { MAX_AREA_M2 } from '../geo/limits';
import { LAYERS, type LayerName } from './registry';
import { FeatureChecker } from './check-features';
import { LoadError, type LoadIssue } from './load-error';
import { afterLayerLoad, beforeLayerMerge } from './load/after-load';
import { toEwkt } from './load/ewkt';
import { gdalFileSource } from './load/gdal-file';
import { geojsonFileSource } from './load/geojson-file';
import { mapFeature, type Mapping } from './load/mapping';
import { mergeRows } from './load/merge';
import { arraySource, type FeatureSource } from './load/source';
import { StagingWriter } from './load/staging';

const checkStagedSql = sqlFile(__dirname, 'load/check-staged.sql');
const rowsViewSql = sqlFile(__dirname, 'load/rows-view.sql');
const rowsGroupedSql = sqlFile(__dirname, 'load/rows-grouped.sql');
const countRowsSql = sqlFile(__dirname, 'load/count-rows.sql');

export interface LoadSummary {
  layer: LayerName;
  /** Features written to the layer (area parts of one property count once). */
  features: number;
  inserted: number;
  updated: number;
  /** Properties outside the layer's contract, by name: how many features carried them (not stored). */
  ignoredProperties: Record<string, number>;
  /** With a mapping: features already stored exactly so (left untouched, version unchanged). */
  unchanged?: number;
  /** With a mapping that groups parts: the source features read. */
  parts?: number;
  /** GIS files: the source layer read. */
  sourceLayer?: string;
}

export interface LoadOptions {
  /** CRS of a GeoJSON contract file (4326 or 3006); GDAL sources are transformed to 3006. */
  srid?: Srid;
  /** Called as features are read: (done, total when known). */
  onProgress?: (done: number, total: number | undefined) => void;
  /** GIS files: `--layer`, the layer of a file of several. */
  sourceLayer?: string;
  /** GIS files: `--crs N`, the CRS of a file that declares none. */
  crs?: number;
  /** `--map`: source attributes → the layer's properties. */
  mapping?: Mapping;
  /** `--set key=value`: constants over every feature. */
  sets?: Record<string, unknown>;
  /** `--check`: everything a load does, then rolled back; the summary says what it would do. */
  dryRun?: boolean;
}

// Progress is reported every this many features: often enough for a bar, rarely enough to cost nothing.
const PROGRESS_EVERY = 1000;

/**
 * The loader: reads the source once, checks each feature as it passes and COPYs it into a
 * staging table; then the database judges what needs the whole load (duplicates, validity,
 * links) and one statement per table merges it into the layer (upsert by ref). Runs inside
 * the caller's transaction: a LoadError (feature index, ref, reason) means the caller rolls back.
 */
export async function loadSource(client: DbClient, layer: LayerName, source: FeatureSource, options: LoadOptions = {}): Promise<LoadSummary> {
  const { mapping, sets = {}, onProgress } = options;
  const shaping = mapping !== undefined || Object.keys(sets).length > 0;
  const checker = new FeatureChecker(layer, source.srid);
  const staging = await StagingWriter.open(client);
  let read = 0;
  try {
    for await (const raw of source.features()) {
      const index = read++;
      if (index % PROGRESS_EVERY === 0) onProgress?.(index, source.total);
      const mapped: ReturnType<typeof mapFeature> = shaping ? mapFeature(mapping, sets, raw) : { feature: raw as never, group: null, defaulted: [] };
      if ('reason' in mapped) {
        checker.add({ index, reason: mapped.reason });
        continue;
      }
      const item = checker.check(mapped.feature, index);
      // After the first problem nothing more is written; the file is still read to list the others.
      if (!item || checker.failed) continue;
      await staging.write({
        index, ref: item.ref, group: mapped.group, properties: item.properties, defaulted: mapped.defaulted,
        ewkt: toEwkt(item.geometry as Geometry, source.srid),
      });
    }
  } finally {
    await staging.close();
  }
  onProgress?.(read, source.total ?? read);
  checker.throwIfFailed();

  const { rows: issues } = await client.query(checkStagedSql, [layer, MAX_AREA_M2[layer]]);
  if (issues.length > 0) {
    const shown: LoadIssue[] = issues.slice(0, 50).map((r: { idx: number; ref: string; reason: string }) => ({ index: r.idx, ref: r.ref, reason: r.reason }));
    if (issues.length > 50) shown.push({ index: null, reason: '... and more problems' });
    throw new LoadError(shown);
  }
  await client.query(mapping?.groupBy ? rowsGroupedSql : rowsViewSql);
  const skipUnchanged = mapping !== undefined;
  let counts: { inserted: number; updated: number };
  await beforeLayerMerge(client, layer);
  try {
    counts = await mergeRows(client, layer, skipUnchanged);
  } catch (err) {
    throw new LoadError([{ index: null, reason: `rejected by the database: ${(err as Error).message}` }]);
  }
  await LAYERS[layer].afterLoad?.(client);
  await afterLayerLoad(client, layer, { table: 'load_touched', count: counts.inserted + counts.updated });

  const features = mapping?.groupBy ? (await client.query(countRowsSql)).rows[0].n as number : read;
  const summary: LoadSummary = { layer, features, inserted: counts.inserted, updated: counts.updated, ignoredProperties: checker.ignored };
  if (skipUnchanged) summary.unchanged = features - counts.inserted - counts.updated;
  if (mapping?.groupBy) summary.parts = read;
  if (source.layerName !== undefined) summary.sourceLayer = source.layerName;
  return summary;
}

/**
 * Validates and upserts (by ref) in-memory features of one layer inside the caller's
 * transaction. Throws a LoadError naming feature index, ref and reason; the caller rolls back.
 */
export async function loadFeatures(db: Queryable, layer: LayerName, features: unknown[], { srid = WGS84, ...rest }: LoadOptions = {}): Promise<LoadSummary> {
  const source = arraySource(features, srid);
  // COPY and the staging table need one connection: a pool gets a transaction of its own.
  if (isPool(db)) return withTransaction(db, (client) => loadSource(client, layer, source, rest));
  return loadSource(db as DbClient, layer, source, rest);
}

const isPool = (db: Queryable): db is Db => 'totalCount' in db && 'connect' in db;

// GeoJSON in the layer contract's form goes through the streaming parser as before; a
// GeoJSON file declaring another CRS (e.g. a QGIS export in EPSG:3011) goes through GDAL.
function declaresOtherCrs(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(65536);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const crs = /"crs"\s*:\s*\{[^}]*"name"\s*:\s*"([^"]+)"/.exec(head.subarray(0, n).toString('utf8'))?.[1];
    return crs !== undefined && !/(?:[:/]4326|CRS84|[:/]3006)$/i.test(crs);
  } finally {
    fs.closeSync(fd);
  }
}

/** Picks the reader: the contract's GeoJSON parsed directly, anything else through GDAL. */
export function openSource(file: string, options: LoadOptions = {}): FeatureSource {
  const plainGeojson = /\.(geo)?json$/i.test(file) && !options.mapping && options.sourceLayer === undefined && options.crs === undefined;
  if (plainGeojson && fs.existsSync(file) && !declaresOtherCrs(file)) return geojsonFileSource(file, options.srid ?? WGS84);
  if (!fs.existsSync(file)) throw new LoadError([{ index: null, reason: `cannot read ${file}: no such file` }]);
  return gdalFileSource(file, { layer: options.sourceLayer, preferredLayer: options.mapping?.sourceLayer, crs: options.crs });
}

/** Thrown to roll a dry run back, carrying its summary out of the transaction. */
class DryRun extends Error {
  constructor(readonly summary: LoadSummary) {
    super('dry run');
  }
}

/** `npm run gis:load`: one layer file, all or nothing in one transaction (rolled back with `dryRun`). */
export async function loadLayerFile(db: Db, layer: LayerName, file: string, options: LoadOptions = {}): Promise<LoadSummary> {
  const source = openSource(file, options);
  try {
    return await withTransaction(db, async (client) => {
      const summary = await loadSource(client, layer, source, options);
      if (options.dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.summary;
    throw err;
  }
}
