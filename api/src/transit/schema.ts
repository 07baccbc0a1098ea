import { z } from 'zod';
import { commonQuery } from '../layers/read-query';
import { csvEnum } from '../http/validate';
import { STOP_MODES } from '../layers/enums';

export const stopsQuery = z.strictObject({
  ...commonQuery,
  mode: csvEnum(STOP_MODES).optional(),
  planned: z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true').optional(),
});
export type StopsQuery = z.output<typeof stopsQuery>;

/** Properties of a `stops` feature (DESIGN.md, Layers). */
export const stopProperties = z
  .strictObject({
    ref: z.string().min(1),
    name: z.string().min(1),
    mode: z.enum(STOP_MODES),
    planned: z.boolean().default(false),
    openingYear: z.number().int().min(1850).max(2200).nullish(),
    /** Weekday departures per hour, 07:00–09:00, averaged (the GTFS import computes it). */
    departuresPerHour: z.number().nonnegative().nullish(),
    sourceId: z.string().nullish(),
    municipalityCode: z.string().regex(/^\d{4}$/).nullish(),
    illustrative: z.boolean().default(false),
    source: z.string().nullish(),
  });
export type StopProperties = z.output<typeof stopProperties>;
