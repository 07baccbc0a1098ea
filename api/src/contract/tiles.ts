/** Vector tiles of the polygon layers, outside /api (docs: Tiles). */
import { z } from 'zod';
import { TILE_LAYERS } from './enums';
import { json, type Endpoint } from './endpoint';

/** Deepest zoom served: 0.1 m pixels, far beyond any parcel's detail. */
export const MAX_ZOOM = 22;

const tileNumber = (name: string) =>
  z.string().regex(/^\d{1,8}$/, `${name}: must be a non-negative integer`).transform(Number);

/**
 * `/tiles/{layer}/{z}/{x}/{y}.mvt` path parameters; x and y must lie inside the zoom's grid.
 * Example: `{ layer: 'plans', z: '14', x: '9005', y: '4783' }`.
 */
export const tileParams = z
  .object({
    layer: z.enum(TILE_LAYERS, { error: `layer: must be one of ${TILE_LAYERS.join(', ')}` }),
    z: tileNumber('z').pipe(z.number().max(MAX_ZOOM, `z: must be at most ${MAX_ZOOM}`)).meta({ description: 'zoom, 0–22' }),
    x: tileNumber('x').meta({ description: 'column, below 2^z' }),
    y: tileNumber('y').meta({ description: 'row, below 2^z' }),
  })
  .superRefine((t, ctx) => {
    const size = 2 ** t.z;
    if (t.x >= size) ctx.addIssue({ code: 'custom', path: ['x'], message: `must be below ${size} at zoom ${t.z}` });
    if (t.y >= size) ctx.addIssue({ code: 'custom', path: ['y'], message: `must be below ${size} at zoom ${t.z}` });
  });
export type TileParams = z.output<typeof tileParams>;

/** An entry of `/tiles/plans.json` `useCodes`: Boverket's use code with its colour. */
export const useCodeEntry = z.object({ code: z.string(), nameSv: z.string(), nameEn: z.string(), colour: z.string() });
export type UseCode = z.output<typeof useCodeEntry>;

export const tileJson = z.object({
  tilejson: z.literal('3.0.0'),
  name: z.enum(TILE_LAYERS),
  scheme: z.literal('xyz'),
  tiles: z.array(z.string()),
  minzoom: z.number(),
  maxzoom: z.number(),
  bounds: z.array(z.number()),
  vector_layers: z.array(z.object({ id: z.string(), fields: z.record(z.string(), z.string()) })),
  attribution: z.string().optional(),
  useCodes: z.array(useCodeEntry).optional().meta({ description: 'plans only: Boverket use codes with colours, for a legend' }),
});
export type TileJson = z.output<typeof tileJson>;

const layer = z.enum(TILE_LAYERS);

export const tilesEndpoints: Endpoint[] = [
  {
    method: 'get', path: '/tiles/{layer}/{z}/{x}/{y}.mvt', tags: ['tiles'], operationId: 'getTile',
    summary: 'Mapbox Vector Tile of a polygon layer (web mercator XYZ), made with ST_AsMVT from the SWEREF 99 TM tables',
    description:
      'ETag changes whenever the layer data changes (plans: zones, plans or use codes); send If-None-Match to get 304. ' +
      'Cache-Control: no-cache, so clients revalidate every tile and never show a stale one.',
    request: { params: tileParams, headers: z.object({ 'If-None-Match': z.string().optional() }) },
    responses: {
      200: { description: 'the tile (possibly empty)', content: { 'application/vnd.mapbox-vector-tile': z.string().meta({ format: 'binary' }) } },
      304: { description: 'not modified since the ETag given' },
    },
    errors: [400],
  },
  {
    method: 'get', path: '/tiles/{layer}.json', tags: ['tiles'], operationId: 'getTileJson',
    summary: 'TileJSON 3.0 of a tile layer (plans: with Boverket use codes and colours)',
    request: { params: z.object({ layer }) },
    responses: { 200: { description: 'TileJSON', content: json(tileJson) } },
    errors: [400],
  },
];
