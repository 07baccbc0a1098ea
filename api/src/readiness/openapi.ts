import { MATCH_USES, PLAN_STATUSES } from '../layers/enums';
import { errorResponses } from '../openapi/shared';
import { SIZE_BANDS } from './demand-summary';

const REASONS = ['notAvailable', 'outsideAreas', 'wrongUse', 'tooSmall', 'tooLarge', 'tooLittleBuildingRight', 'notReadyInTime', 'tooFarFromTransit'];
const q = (name: string, description: string, values?: readonly string[]) => ({
  name, in: 'query', required: false, description, schema: values ? { type: 'string', enum: values } : { type: 'string' },
});
const area = q('area', 'area ref (e.g. lanna); 400 when unknown');
const use = q('use', 'one use of the matching table', MATCH_USES);
const format = q('format', 'json (default) or csv: UTF-8 with BOM for Excel', ['json', 'csv']);
const lang = q('lang', 'CSV headers: sv (default; `;` separated, decimal comma) or en (`,` separated)', ['sv', 'en']);
const csv = { 'text/csv': { schema: { type: 'string' } } };
const num = { type: 'number' };
const nullableNum = { type: ['number', 'null'] };

const figures = {
  readyHa: { ...num, description: 'usable area (rule 1, in-force zones) of the available parcels, hectares' },
  inProgressHa: {
    type: 'object', additionalProperties: num,
    description: 'hectares added by plans in progress, under the year of rule 1\'s ready date or "unknown"',
    examples: [{ 2027: 4.2, unknown: 12 }],
  },
  vacantPremisesM2: { ...num, description: 'floor area of available, not stale premises whose kind fits the use' },
  vacantPremisesByKindM2: { type: 'object', additionalProperties: num },
  grossFloorAreaM2: {
    ...nullableNum,
    description: 'permitted gross floor area (BTA) of in-force zones permitting the use; a zone in several areas counts pro rata to its surface in each; null when no zone states it',
  },
  grossFloorAreaZones: { type: 'object', properties: { total: num, stating: num } },
  buildableGrossFloorAreaM2: { ...num, description: 'matching rule 6 (ready overlay) summed over the available parcels of readyHa: the known gross floor area, m²' },
  buildingRightUnknownHa: { ...num, description: 'hectares of readyHa whose building right is unknown (a zone part used states none)' },
  remainingBuildingRightsM2: { type: 'null', description: 'always null: existing floor area is not in the data model' },
};

/** OpenAPI paths of plan readiness, the plan pipeline and unmet demand. */
export function readinessPaths(): Record<string, unknown> {
  return {
    '/api/readiness': {
      get: {
        tags: ['readiness'],
        summary: 'Plan readiness (planberedskap) per area and use, and for the municipality',
        operationId: 'readiness',
        parameters: [area, use, format, lang],
        responses: {
          200: {
            description: 'one row per area and use; municipality rows cover its areas plus land and premises in no area',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['rows', 'municipality'],
                  properties: {
                    rows: { type: 'array', items: { type: 'object', required: ['areaRef', 'use', 'readyHa', 'inProgressHa', 'vacantPremisesM2', 'grossFloorAreaM2'], properties: { areaRef: { type: 'string' }, use: { enum: MATCH_USES }, ...figures } } },
                    municipality: { type: 'array', items: { type: 'object', required: ['use', 'readyHa', 'inProgressHa', 'vacantPremisesM2', 'grossFloorAreaM2'], properties: { use: { enum: MATCH_USES }, ...figures } } },
                    municipalityCode: { type: 'string' },
                    premisesStaleAfterDays: num,
                    illustrative: { type: 'boolean' },
                  },
                },
              },
              ...csv,
            },
          },
          ...errorResponses(400),
        },
      },
    },
    '/api/readiness/pipeline': {
      get: {
        tags: ['readiness'],
        summary: 'Plan pipeline: plans by status with dates, implementation periods ending within 2 years, plans stuck in one status',
        operationId: 'readinessPipeline',
        parameters: [area, q('status', 'only plans of this status', PLAN_STATUSES), format, lang],
        responses: {
          200: {
            description: 'plans, byStatus, byYear (legal force year, else expected year, else "unknown"), implementationEndingSoon, stuck (PLAN_STUCK_AFTER_DAYS, default 365)',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['plans', 'byStatus', 'byYear', 'implementationEndingSoon', 'stuck'],
                  properties: {
                    today: { type: 'string', format: 'date' }, stuckAfterDays: num, implementationWindowYears: num,
                    plans: { type: 'array', items: { type: 'object' } },
                    byStatus: { type: 'object', additionalProperties: num },
                    byYear: { type: 'array', items: { type: 'object', properties: { year: { type: 'string' }, status: { enum: PLAN_STATUSES }, plans: num, zoneHa: num } } },
                    implementationEndingSoon: { type: 'array', items: { type: 'object' } },
                    stuck: { type: 'array', items: { type: 'object' } },
                  },
                },
              },
              ...csv,
            },
          },
          ...errorResponses(400),
        },
      },
    },
    '/api/readiness/unmet-demand': {
      get: {
        tags: ['readiness'],
        summary: 'Saved requests with no ready match today, by use, size band and named area, with exclusion reasons',
        operationId: 'unmetDemand',
        parameters: [area, use, format, lang],
        responses: {
          200: {
            description: 'rows; requests {total, unmet, skipped (saved requests whose criteria no longer validate)}',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['rows'],
                  properties: {
                    rows: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['use', 'sizeBand', 'areaRef', 'requests', 'reasons'],
                        properties: {
                          use: { enum: MATCH_USES },
                          sizeBand: { enum: SIZE_BANDS, description: 'by minAreaM2' },
                          areaRef: { type: ['string', 'null'], description: 'null when the request named no area' },
                          requests: num,
                          reasons: { type: 'object', properties: Object.fromEntries(REASONS.map((r) => [r, num])) },
                          totalRequests: { ...num, description: 'all saved requests of this use, band and area, met or not' },
                          dominantReason: { type: ['string', 'null'], description: 'what most fail on: the latest check that stopped any candidate' },
                          dominantShare: { ...num, description: 'share of totalRequests failing on dominantReason' },
                          summary: { type: 'object', properties: { sv: { type: 'string' }, en: { type: 'string' } } },
                          requestIds: { type: 'array', items: num },
                          onceInForce: { type: 'object', description: 'in_progress matches: land that would meet them once plans are in force' },
                        },
                      },
                    },
                    requests: { type: 'object' },
                  },
                },
              },
              ...csv,
            },
          },
          ...errorResponses(400),
        },
      },
    },
  };
}
