import type { Queryable } from '../db/pool';
import { listUseCodes, readLayerRevision, renderTile } from './repository';
import { MAX_ZOOM, type TileLayer, type TileParams } from './schema';

// Bump when the tile SQL changes what a tile holds, so caches drop tiles of the old shape.
const TILE_FORMAT = 1;

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

export type TileAnswer = { etag: string; notModified: true } | { etag: string; notModified: false; body: Buffer };

/**
 * A tile, or "not modified" when the client's copy is of the current revision: the
 * revision is read first, so a revalidation costs one primary-key lookup and no render.
 */
export async function tileFor(db: Queryable, t: TileParams, ifNoneMatch?: string): Promise<TileAnswer> {
  const { revision, changedMs } = await readLayerRevision(db, t.layer);
  const etag = layerEtag(t.layer, revision, changedMs);
  if (etagMatches(ifNoneMatch, etag)) return { etag, notModified: true };
  // Rendered after the revision was read: a concurrent edit makes the next request re-render.
  return { etag, notModified: false, body: await renderTile(db, t.layer, t.z, t.x, t.y) };
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
