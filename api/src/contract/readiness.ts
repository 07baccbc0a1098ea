/** Plan readiness, the plan pipeline and unmet demand (docs: Readiness). */
import { z } from 'zod';
import { EXCLUSION_REASONS, FORMATS, LANGS, MATCH_USES, PLAN_STATUSES, SITE_KINDS, SIZE_BANDS } from './enums';
import { csvText } from './common';
import type { Endpoint } from './endpoint';

const once = (what: string) => ({ error: `must be given once, ${what}` });
const areaRef = z.string(once('as an area ref such as lanna')).min(1, 'must not be empty').meta({ description: 'area ref (e.g. lanna); 400 when unknown' });
const use = z.enum(MATCH_USES, { error: `must be one of ${MATCH_USES.join(', ')}` }).meta({ description: 'one use of the matching table' });
/** `format=csv` answers a UTF-8 CSV with BOM (Excel); `lang=sv` gives Swedish headers, `;` and decimal commas. */
const output = {
  format: z.enum(FORMATS, { error: 'must be json or csv' }).optional().meta({ description: 'json (default) or csv: UTF-8 with BOM for Excel' }),
  lang: z.enum(LANGS, { error: 'must be sv or en' }).optional().meta({ description: 'CSV headers: sv (default; `;` separated, decimal comma) or en (`,` separated)' }),
};

export const readinessQuery = z.strictObject({ area: areaRef.optional(), use: use.optional(), ...output });
export type ReadinessQuery = z.output<typeof readinessQuery>;
export const pipelineQuery = z.strictObject({
  area: areaRef.optional(),
  status: z.enum(PLAN_STATUSES, { error: `must be one of ${PLAN_STATUSES.join(', ')}` }).optional().meta({ description: 'only plans of this status' }),
  ...output,
});
export type PipelineQuery = z.output<typeof pipelineQuery>;
export const unmetDemandQuery = z.strictObject({ area: areaRef.optional(), use: use.optional(), ...output });
export type UnmetDemandQuery = z.output<typeof unmetDemandQuery>;
export type OutputOptions = { format?: (typeof FORMATS)[number]; lang?: (typeof LANGS)[number] };

const numbers = z.record(z.string(), z.number());
export const figures = z.object({
  readyHa: z.number().meta({ description: 'usable area (rule 1, in-force zones) of the available parcels, hectares' }),
  inProgressHa: numbers.meta({
    description: 'hectares added by plans in progress, under the year of rule 1\'s ready date or "unknown"',
    examples: [{ 2027: 4.2, unknown: 12 }],
  }),
  vacantPremisesM2: z.number().meta({ description: 'floor area of available, not stale premises whose kind fits the use' }),
  vacantPremisesByKindM2: numbers,
  grossFloorAreaM2: z.number().nullable().meta({
    description: 'permitted gross floor area (BTA) of in-force zones permitting the use; a zone in several areas counts pro rata to its surface in each; null when no zone states it',
  }),
  grossFloorAreaZones: z.object({ total: z.number(), stating: z.number() }),
  remainingBuildingRightsM2: z.null().meta({ description: 'always null: existing floor area is not in the data model' }),
});
export type Figures = z.output<typeof figures>;
export const areaFigures = figures.extend({ areaRef: z.string(), use: z.enum(MATCH_USES) });
export type AreaFigures = z.output<typeof areaFigures>;
export const municipalityFigures = figures.extend({ use: z.enum(MATCH_USES) });
export type MunicipalityFigures = z.output<typeof municipalityFigures>;
export const readinessResponse = z.object({
  rows: z.array(areaFigures),
  municipality: z.array(municipalityFigures),
  municipalityCode: z.string(),
  premisesStaleAfterDays: z.number(),
  illustrative: z.boolean(),
});
export type ReadinessResponse = z.output<typeof readinessResponse>;

export const pipelinePlan = z.object({
  planId: z.string(), name: z.string(), status: z.enum(PLAN_STATUSES),
  legalForceDate: z.string().nullable(), expectedLegalForceDate: z.string().nullable(), implementationEndDate: z.string().nullable(),
  statusChangedAt: z.string().nullable(), daysInStatus: z.number().nullable(),
  implementationEndsSoon: z.boolean(), stuck: z.boolean(),
  useCodes: z.array(z.string()), areaRefs: z.array(z.string()), zoneHa: z.number().nullable(), grossFloorAreaM2: z.number().nullable(),
  illustrative: z.boolean(),
  /** legalForceDate's year when in force, else expectedLegalForceDate's year, else 'unknown'. */
  year: z.string(),
});
export type PipelinePlan = z.output<typeof pipelinePlan>;
export const pipelineCell = z.object({ year: z.string(), status: z.enum(PLAN_STATUSES), plans: z.number(), zoneHa: z.number() });
export const pipelineResponse = z.object({
  today: z.string().meta({ format: 'date' }),
  stuckAfterDays: z.number(),
  implementationWindowYears: z.number(),
  plans: z.array(pipelinePlan),
  byStatus: z.record(z.enum(PLAN_STATUSES), z.number()),
  byYear: z.array(pipelineCell),
  implementationEndingSoon: z.array(pipelinePlan),
  stuck: z.array(pipelinePlan),
  illustrative: z.boolean(),
});
export type PipelineResponse = z.output<typeof pipelineResponse>;

export const futureSite = z.object({
  ref: z.string(), kind: z.enum(SITE_KINDS), areaRef: z.string().nullable(), usableAreaM2: z.number(), readyDate: z.string().nullable(), planIds: z.array(z.string()),
});
export type FutureSite = z.output<typeof futureSite>;
export const unmetRow = z.object({
  use: z.enum(MATCH_USES),
  sizeBand: z.enum(SIZE_BANDS).meta({ description: 'by minAreaM2' }),
  areaRef: z.string().nullable().meta({ description: 'null when the request named no area' }),
  requests: z.number().meta({ description: 'saved requests of this use, band and area with no ready match today' }),
  reasons: z.partialRecord(z.enum(EXCLUSION_REASONS), z.number()).meta({ description: 'their exclusion counts, summed' }),
  totalRequests: z.number().meta({ description: 'all saved requests of this use, band and area, met or not' }),
  dominantReason: z.enum(EXCLUSION_REASONS).nullable().meta({ description: 'what most fail on: the latest check that stopped any candidate' }),
  dominantShare: z.number().meta({ description: 'share of totalRequests failing on dominantReason' }),
  summary: z.object({ sv: z.string(), en: z.string() }),
  requestIds: z.array(z.number()),
  onceInForce: z
    .object({ requests: z.number(), sites: z.array(futureSite), hectares: z.number() })
    .meta({ description: 'in_progress matches: land that would meet them once plans are in force' }),
});
export type UnmetRow = z.output<typeof unmetRow>;
export const unmetDemandResponse = z.object({
  rows: z.array(unmetRow),
  requests: z.object({
    total: z.number(),
    unmet: z.number(),
    skipped: z.array(z.object({ id: z.number(), reason: z.string() })).meta({ description: 'saved requests whose criteria no longer validate' }),
  }),
});
export type UnmetDemandResponse = z.output<typeof unmetDemandResponse>;

const jsonOrCsv = (schema: z.ZodType) => ({ 'application/json': schema, 'text/csv': csvText });

export const readinessEndpoints: Endpoint[] = [
  {
    method: 'get', path: '/api/readiness', tags: ['readiness'], operationId: 'readiness',
    summary: 'Plan readiness (planberedskap) per area and use, and for the municipality', request: { query: readinessQuery },
    responses: { 200: { description: 'one row per area and use; municipality rows cover its areas plus land and premises in no area', content: jsonOrCsv(readinessResponse) } },
    errors: [400],
  },
  {
    method: 'get', path: '/api/readiness/pipeline', tags: ['readiness'], operationId: 'readinessPipeline',
    summary: 'Plan pipeline: plans by status with dates, implementation periods ending within 2 years, plans stuck in one status',
    request: { query: pipelineQuery },
    responses: {
      200: {
        description: 'plans, byStatus, byYear (legal force year, else expected year, else "unknown"), implementationEndingSoon, stuck (PLAN_STUCK_AFTER_DAYS, default 365)',
        content: jsonOrCsv(pipelineResponse),
      },
    },
    errors: [400],
  },
  {
    method: 'get', path: '/api/readiness/unmet-demand', tags: ['readiness'], operationId: 'unmetDemand',
    summary: 'Saved requests with no ready match today, by use, size band and named area, with exclusion reasons',
    request: { query: unmetDemandQuery },
    responses: { 200: { description: 'rows; requests {total, unmet, skipped (saved requests whose criteria no longer validate)}', content: jsonOrCsv(unmetDemandResponse) } },
    errors: [400],
  },
];
