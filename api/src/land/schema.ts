import { z } from 'zod';
import { commonQuery } from '../layers/read-query';
import { csvEnum } from '../http/validate';
import { LAND_STATUSES, OWNER_TYPES } from '../layers/enums';

export const landQuery = z.strictObject({
  ...commonQuery,
  status: csvEnum(LAND_STATUSES).optional(),
  ownerType: csvEnum(OWNER_TYPES).optional(),
});
export type LandQuery = z.output<typeof landQuery>;

/** Properties of a `land` feature (docs/design.md, Layers). */
export const landProperties = z.strictObject({
  ref: z.string().min(1),
  ownerType: z.enum(OWNER_TYPES),
  ownerName: z.string().nullish(),
  status: z.enum(LAND_STATUSES),
  priceSekPerM2: z.number().nonnegative().nullish(),
  areaRef: z.string().min(1).nullish(),
  illustrative: z.boolean().default(false),
  source: z.string().nullish(),
});
export type LandProperties = z.output<typeof landProperties>;
