import fs from 'node:fs';
import type { Db, Queryable } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { sqlFile } from '../db/sql-file';
import { WGS84, type Srid } from '../geo/crs';
import { invalidGeometries } from '../geo/db-validity';
import { MAX_AREA_M2 } from '../geo/limits';
import { LAYERS, type LayerName } from './registry';
import { checkFeatures, ignoredProperties, parseFeatureCollection, type CheckedFeature } from './check-features';
import { LoadError, type LoadIssue } from './load-error';
import { rederiveAreaRefs } from '../land/repository';

const knownAreaRefsSql = sqlFile(__dirname, 'known-area-refs.sql');

export interface LoadSummary {
  layer: LayerName;
  features: number;
  inserted: number;
  updated: number;
  /** Properties outside the layer's contract, by name: how many features carried them (not stored). */
  ignoredProperties: Record<string, number>;
}

export interface LoadOptions {
  srid?: Srid;
  /** Called after each feature is written: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** What only the database can tell: OGC validity (holes, nesting) and links to areas. */
async function checkAgainstDb(db: Queryable, layer: LayerName, items: CheckedFeature[], srid: Srid): Promise<void> {
  const issues: LoadIssue[] = [];
  const invalid = await invalidGeometries(db, items.map((i) => i.geometry), srid, MAX_AREA_M2[layer]);
  for (const [pos, reason] of invalid) {
    // Self-intersections and the Sweden/size bounds read as they always have; the rest is OGC validity.
    const plain = /^(ring self-intersection|outside Sweden|area )/.test(reason);
    issues.push({ index: items[pos].index, ref: items[pos].ref, reason: plain ? reason : `invalid geometry: ${reason}` });
  }
  if (layer === 'land') {
    const wanted = [...new Set(items.map((i) => i.properties.areaRef).filter((r): r is string => typeof r === 'string'))];
    const { rows } = await db.query(knownAreaRefsSql, [wanted]);
    const known = new Set(rows.map((r: { ref: string }) => r.ref));
    for (const i of items) {
      const areaRef = i.properties.areaRef;
      if (typeof areaRef === 'string' && !known.has(areaRef)) {
        issues.push({ index: i.index, ref: i.ref, reason: `areaRef: no area with ref '${areaRef}' (load areas first)` });
      }
    }
  }
  if (issues.length > 0) throw new LoadError(issues.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)));
}

/**
 * Validates and upserts (by ref) the features of one layer inside the caller's transaction.
 * Throws a LoadError naming feature index, ref and reason; the caller rolls back.
 */
export async function loadFeatures(
  db: Queryable,
  layer: LayerName,
  features: unknown[],
  { srid = WGS84, onProgress }: LoadOptions = {},
): Promise<LoadSummary> {
  const items = checkFeatures(layer, features, srid);
  await checkAgainstDb(db, layer, items, srid);
  const upsert = LAYERS[layer].upsert as (db: Queryable, p: unknown, g: unknown, s: Srid) => Promise<boolean>;
  let inserted = 0;
  for (const [n, item] of items.entries()) {
    try {
      if (await upsert(db, item.properties, item.geometry, srid)) inserted++;
    } catch (err) {
      throw new LoadError([{ index: item.index, ref: item.ref, reason: `rejected by the database: ${(err as Error).message}` }]);
    }
    onProgress?.(n + 1, items.length);
  }
  if (layer === 'areas') await rederiveAreaRefs(db);
  return { layer, features: items.length, inserted, updated: items.length - inserted, ignoredProperties: ignoredProperties(items) };
}

/** `npm run gis:load`: one layer file, all or nothing in one transaction. */
export async function loadLayerFile(db: Db, layer: LayerName, file: string, options: LoadOptions = {}): Promise<LoadSummary> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new LoadError([{ index: null, reason: `cannot read ${file}: ${(err as Error).message}` }]);
  }
  const { features } = parseFeatureCollection(text);
  return withTransaction(db, (client) => loadFeatures(client, layer, features, options));
}
