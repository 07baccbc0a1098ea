import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { TileLayer } from './schema';

// The statement per layer comes from this whitelist, never from the request.
const TILE_SQL: Record<TileLayer, string> = {
  areas: sqlFile(__dirname, 'tile-areas.sql'),
  land: sqlFile(__dirname, 'tile-land.sql'),
  plans: sqlFile(__dirname, 'tile-plans.sql'),
  municipalities: sqlFile(__dirname, 'tile-municipalities.sql'),
};
const layerRevisionSql = sqlFile(__dirname, 'layer-revision.sql');
const useCodesSql = sqlFile(__dirname, 'use-codes.sql');

export interface LayerRevision {
  revision: number;
  changedMs: number;
}

/** The layer's data revision (bumped by triggers on its tables). */
export async function readLayerRevision(db: Queryable, layer: TileLayer): Promise<LayerRevision> {
  const { rows } = await db.query(layerRevisionSql, [layer]);
  if (rows.length === 0) return { revision: 0, changedMs: 0 };
  return { revision: rows[0].revision, changedMs: rows[0].changed_ms };
}

/** One Mapbox Vector Tile, rendered by PostGIS (empty buffer when nothing is in the tile). */
export async function renderTile(db: Queryable, layer: TileLayer, z: number, x: number, y: number): Promise<Buffer> {
  const { rows } = await db.query(TILE_SQL[layer], [z, x, y]);
  return (rows[0]?.tile as Buffer | null) ?? Buffer.alloc(0);
}

export interface UseCode {
  code: string;
  nameSv: string;
  nameEn: string;
  colour: string;
}

/** Boverket's use codes with their colours (the plans legend). */
export async function listUseCodes(db: Queryable): Promise<UseCode[]> {
  return (await db.query(useCodesSql)).rows;
}
