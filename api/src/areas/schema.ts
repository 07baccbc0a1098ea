import { z } from 'zod';
import { commonQuery } from '../layers/read-query';

export const areasQuery = z.strictObject({ ...commonQuery });
export type AreasQuery = z.output<typeof areasQuery>;

/** Properties of an `areas` feature (docs/design.md, Layers). */
export const areaProperties = z.strictObject({
  ref: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug like kungens-kurva'),
  name: z.string().min(1),
  municipalityCode: z.string().regex(/^\d{4}$/, 'must be a four-digit kommunkod').default('0126'),
  profile: z.string().nullish(),
  facts: z.record(z.string(), z.unknown()).nullish(),
  illustrative: z.boolean().default(false),
  source: z.string().nullish(),
});
export type AreaProperties = z.output<typeof areaProperties>;
