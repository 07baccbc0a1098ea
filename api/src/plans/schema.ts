import { z } from 'zod';
import { commonQuery } from '../layers/read-query';
import { csvEnum, isoDate } from '../http/validate';
import { MATCH_USES, PLAN_STATUSES, USE_CODE_LETTERS } from '../layers/enums';

/** `use` filter: a Boverket code letter (J) or a matching use (logistics). */
const USE_FILTER_VALUES = [...MATCH_USES, ...USE_CODE_LETTERS] as [string, ...string[]];

export const plansQuery = z.strictObject({
  ...commonQuery,
  status: csvEnum(PLAN_STATUSES).optional(),
  use: csvEnum(USE_FILTER_VALUES).optional(),
  planId: z.string({ error: 'must be given once' }).min(1).optional(),
});
export type PlansQuery = z.output<typeof plansQuery>;

const useCode = z
  .string()
  .regex(/^[A-Z][0-9]*$/, 'must be a Boverket use code such as J, Z or H1')
  .refine((c) => (USE_CODE_LETTERS as readonly string[]).includes(c[0]), {
    message: 'is not a Boverket kvartersmark use code',
  });

const today = () => new Date().toISOString().slice(0, 10);

/** Properties of a `plans` feature: one use zone of a detailed plan (DESIGN.md, Layers). */
export const planZoneProperties = z
  .strictObject({
    ref: z.string().min(1),
    planId: z.string().min(1),
    planName: z.string().min(1),
    status: z.enum(PLAN_STATUSES),
    useCodes: z.array(useCode).min(1, 'must name at least one use code'),
    legalForceDate: isoDate.nullish(),
    expectedLegalForceDate: isoDate.nullish(),
    implementationEndDate: isoDate.nullish(),
    maxGrossFloorAreaM2: z.number().positive().nullish(),
    maxGrossFloorAreaPercent: z.number().positive().nullish(),
    maxBuildingAreaM2: z.number().positive().nullish(),
    maxBuildingAreaPercent: z.number().positive().max(100, 'must be at most 100 (% of the property area)').nullish(),
    maxHeightM: z.number().positive().nullish(),
    statusChangedAt: isoDate.nullish(),
    illustrative: z.boolean().default(false),
    source: z.string().nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.status === 'in_force' && !p.legalForceDate) {
      ctx.addIssue({ code: 'custom', path: ['legalForceDate'], message: 'is required when status is in_force' });
    }
    if (p.legalForceDate && p.legalForceDate > today()) {
      ctx.addIssue({ code: 'custom', path: ['legalForceDate'], message: 'must not be in the future' });
    }
  });
export type PlanZoneProperties = z.output<typeof planZoneProperties>;

/** The plan-level fields that every zone of one plan must agree on. */
export const PLAN_LEVEL_FIELDS = ['planName', 'status', 'legalForceDate', 'expectedLegalForceDate', 'implementationEndDate', 'statusChangedAt'] as const;
