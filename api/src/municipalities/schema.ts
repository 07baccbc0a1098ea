import { z } from 'zod';
import { commonQuery } from '../layers/read-query';

export const municipalitiesQuery = z.strictObject({
  bbox: commonQuery.bbox,
  crs: commonQuery.crs,
  relation: z.enum(['focus', 'neighbour', 'other'], { error: 'must be focus, neighbour or other' }).optional(),
});
export type MunicipalitiesQuery = z.output<typeof municipalitiesQuery>;

/** Properties of a `municipalities` feature: a municipal boundary with its neighbours. */
export const municipalityProperties = z.strictObject({
  ref: z.string().regex(/^\d{4}$/, 'must be a four-digit kommunkod'),
  name: z.string().min(1),
  neighbours: z.array(z.string().regex(/^\d{4}$/)).default([]),
  relation: z.enum(['focus', 'neighbour', 'other']).default('other'),
  source: z.string().nullish(),
});
export type MunicipalityProperties = z.output<typeof municipalityProperties>;
