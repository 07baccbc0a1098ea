import { z } from 'zod';

/** The polygon layers served as vector tiles (points stay GeoJSON under /api). */
export const TILE_LAYERS = ['areas', 'land', 'plans', 'municipalities'] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];

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
    z: tileNumber('z').pipe(z.number().max(MAX_ZOOM, `z: must be at most ${MAX_ZOOM}`)),
    x: tileNumber('x'),
    y: tileNumber('y'),
  })
  .superRefine((t, ctx) => {
    const size = 2 ** t.z;
    if (t.x >= size) ctx.addIssue({ code: 'custom', path: ['x'], message: `must be below ${size} at zoom ${t.z}` });
    if (t.y >= size) ctx.addIssue({ code: 'custom', path: ['y'], message: `must be below ${size} at zoom ${t.z}` });
  });

export type TileParams = z.output<typeof tileParams>;
