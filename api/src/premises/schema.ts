import { z } from 'zod';
import { commonQuery } from '../layers/read-query';
import { csvEnum, isoDate } from '../http/validate';
import { MATCH_USES, PREMISES_KINDS, PREMISES_STATUSES } from '../layers/enums';

export const premisesQuery = z.strictObject({
  ...commonQuery,
  status: csvEnum(PREMISES_STATUSES).optional(),
  kind: csvEnum(PREMISES_KINDS).optional(),
  use: csvEnum(MATCH_USES).optional(),
});
export type PremisesQuery = z.output<typeof premisesQuery>;

/** Properties of a `premises` feature: a vacant premises listing (docs/design.md, Layers). */
export const premisesProperties = z.strictObject({
  ref: z.string().min(1),
  title: z.string().min(1),
  kind: z.enum(PREMISES_KINDS),
  floorAreaM2: z.number().positive(),
  rentSekPerM2Year: z.number().nonnegative().nullish(),
  availableFrom: isoDate.nullish(),
  status: z.enum(PREMISES_STATUSES),
  address: z.string().nullish(),
  illustrative: z.boolean().default(false),
  source: z.string().nullish(),
});
export type PremisesProperties = z.output<typeof premisesProperties>;
