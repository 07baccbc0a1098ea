import type { Queryable } from '../db/pool';
import { listUseCodes, renderTile } from './repository';
import type { LayerRevisionCache } from './revision-cache';
import { MAX_ZOOM, type TileLayer, type TileParams } from './schema';

// Bump when the tile SQL changes what a tile holds, so caches drop tiles of the old shape.
// 2: land tiles below z13 are generalised (tile-land.sql).
const TILE_FORMAT = 2;

/** `"plans-r12-1732450000123-f1"`: changes whenever the layer's data (or tile format) changes. */
export function layerEtag(layer: TileLayer, revision: number, changedMs: number): string {
  return `"${layer}-r${revision}-${changedMs}-f${TILE_FORMAT}"`;
}

/** True when an If-None-Match header names this ETag (weak or strong, or `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** Below this zoom tiles are generalised overviews (tile-land.sql): few, shared, costly to render. */
const OVERVIEW_BELOW_ZOOM = 13;
const OVERVIEW_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Rendered overview tiles (z < 13) of one pool, least recently used first, keyed by ETag and
 * tile. A z10 land tile over a dense area takes ~60 ms of PostGIS for ~200 kB, and the whole
 * county at z ≤ 12 is a few hundred tiles that every visitor of the map asks for: rendered
 * once per layer revision, then served from memory. The key holds the revision, so a write
 * makes every entry of the layer unreachable at once (they age out); a body is rendered after
 * its revision was read, so it is never older than the revision it is filed under.
 */
class OverviewTiles {
  private readonly bodies = new Map<string, Buffer>();
  private bytes = 0;
  get(key: string): Buffer | undefined {
    const body = this.bodies.get(key);
    if (body) {
      this.bodies.delete(key);
      this.bodies.set(key, body);
    }
    return body;
  }
  set(key: string, body: Buffer): void {
    if (body.length > OVERVIEW_CACHE_BYTES / 8 || this.bodies.has(key)) return;
    this.bodies.set(key, body);
    this.bytes += body.length;
    for (const [k, b] of this.bodies) {
      if (this.bytes <= OVERVIEW_CACHE_BYTES) break;
      this.bodies.delete(k);
      this.bytes -= b.length;
    }
  }
}
const overviews = new WeakMap<Queryable, OverviewTiles>();

export type TileAnswer = { etag: string; notModified: true } | { etag: string; notModified: false; body: Buffer };

/**
 * A tile, or "not modified" when the client's copy is of the current revision: the
 * revision is looked up first (in memory while LISTEN vouches for it, revision-cache.ts),
 * so a revalidation costs no render and, usually, no database round trip.
 */
export async function tileFor(db: Queryable, revisions: LayerRevisionCache, t: TileParams, ifNoneMatch?: string): Promise<TileAnswer> {
  const { revision, changedMs } = await revisions.get(t.layer);
  const etag = layerEtag(t.layer, revision, changedMs);
  if (etagMatches(ifNoneMatch, etag)) return { etag, notModified: true };
  // Rendered after the revision was read: a concurrent edit makes the next request re-render.
  const render = () => revisions.read((client) => renderTile(client, t.layer, t.z, t.x, t.y));
  if (t.z >= OVERVIEW_BELOW_ZOOM) return { etag, notModified: false, body: await render() };
  let cache = overviews.get(db);
  if (!cache) overviews.set(db, (cache = new OverviewTiles()));
  const key = `${etag}/${t.z}/${t.x}/${t.y}`;
  let body = cache.get(key);
  if (!body) {
    body = await render();
    cache.set(key, body);
  }
  return { etag, notModified: false, body };
}

const ATTRIBUTION: Partial<Record<TileLayer, string>> = {
  plans: 'Källa: Boverket, Planbestämmelsekatalogen',
};

/**
 * TileJSON 3.0 of a layer, for MapLibre, QGIS and other clients; plans also lists Boverket's
 * use codes with their colours so a legend can be drawn without another request.
 */
export async function tileJson(db: Queryable, layer: TileLayer, baseUrl: string): Promise<Record<string, unknown>> {
  const doc: Record<string, unknown> = {
    tilejson: '3.0.0',
    name: layer,
    scheme: 'xyz',
    tiles: [`${baseUrl}/tiles/${layer}/{z}/{x}/{y}.mvt`],
    minzoom: 0,
    maxzoom: MAX_ZOOM,
    bounds: [10.0, 55.0, 24.2, 69.1],
    vector_layers: [{ id: layer, fields: {} }],
  };
  if (ATTRIBUTION[layer]) doc.attribution = ATTRIBUTION[layer];
  if (layer === 'plans') doc.useCodes = await listUseCodes(db);
  return doc;
}
