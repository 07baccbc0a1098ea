/** Schemas shared by several endpoints: errors, GeoJSON, path ids, If-Match. */
import { z } from 'zod';
import type { Geometry as GeoJsonGeometry } from 'geojson';

/** Every error answer: `{ code, message }`, sometimes with more (412: currentVersion, current). */
export const errorBody = z.object({ code: z.string(), message: z.string() }).meta({ id: 'Error' });
export type ErrorBody = z.output<typeof errorBody>;

/** A GeoJSON geometry (RFC 7946; EPSG:4326 unless crs=3006 was asked for). */
// Checked loosely (type + coordinates); typed as RFC 7946 so pages hand it to map libraries as is.
export const geometry = z
  .object({ type: z.string(), coordinates: z.unknown() })
  .meta({ description: 'GeoJSON geometry' }) as unknown as z.ZodType<GeoJsonGeometry>;
export type Geometry = GeoJsonGeometry;

export const feature = z
  .object({ type: z.literal('Feature'), id: z.unknown().optional(), geometry: geometry.nullable(), properties: z.record(z.string(), z.unknown()) })
  .meta({ id: 'Feature' });
export const featureCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(feature) })
  .meta({ id: 'FeatureCollection' });

/** `:id` path parameters: a positive integer. */
export const idParams = (...names: string[]) =>
  z.object(Object.fromEntries(names.map((n) => [n, z.coerce.number().int().positive()])));

/** `If-Match: "<version>"`: 428 without, 412 when stale. */
export const ifMatchHeader = z.object({
  'If-Match': z.string().meta({ description: 'the ETag read ("<version>"); 428 without, 412 when stale' }),
});

export const csvText = z.string().meta({ description: 'UTF-8 CSV with BOM (Excel)' });
