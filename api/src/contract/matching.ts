/** POST /api/match (docs: Matching): the request, the ranked results, the exclusion counts. */
import { z } from 'zod';
import { CRITERIA, DEFAULT_STATION_MODES, EXCLUSION_REASONS, MATCH_USES, NEEDS, READINESS, SITE_KINDS, STOP_MODES, type Criterion } from './enums';
import { isoDate } from './rules';
import { geometry } from './common';
import { json, type Endpoint } from './endpoint';

/** Default weights (api/src/matching/README.md explains each); a request's `weights` overrides any of them. */
export const DEFAULT_WEIGHTS: Record<Criterion, number> = { transit: 0.35, size: 0.2, readiness: 0.3, price: 0.15 };
export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 20;

const area = z.number({ error: 'must be a number of square metres' }).finite();

const weights = z
  .record(z.string(), z.number({ error: 'must be a non-negative number' }).finite().nonnegative('must be a non-negative number'))
  .superRefine((w, ctx) => {
    for (const key of Object.keys(w)) {
      if (!(CRITERIA as readonly string[]).includes(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `unknown criterion; known: ${CRITERIA.join(', ')}` });
      }
    }
  });

/**
 * The body of `POST /api/match`. Strict: unknown fields are a 400.
 * Example: `matchRequestSchema.parse({ use: 'logistics', minAreaM2: 20000, areas: ['lanna'] })`.
 */
export const matchRequestSchema = z
  .strictObject({
    need: z.enum(NEEDS, { error: `must be one of ${NEEDS.join(', ')}` }).default('any'),
    use: z.enum(MATCH_USES, { error: `must be one of ${MATCH_USES.join(', ')}` }),
    minAreaM2: area.positive('must be greater than 0'),
    maxAreaM2: area.positive('must be greater than 0').optional(),
    areas: z
      .array(z.string({ error: 'must be an area ref' }).min(1, 'must be an area ref').max(100, 'must be an area ref'), {
        error: 'must be an array of area refs',
      })
      .max(100, 'names too many areas (at most 100)')
      .optional(),
    maxDistanceToStationM: z.number({ error: 'must be a number of metres' }).finite().nonnegative('must not be negative').optional(),
    stationModes: z
      .array(z.enum(STOP_MODES, { error: `must be one of ${STOP_MODES.join(', ')}` }), { error: 'must be an array of modes' })
      .min(1, 'must name at least one mode')
      .default([...DEFAULT_STATION_MODES]),
    neededBy: isoDate.optional(),
    includePlanned: z.boolean({ error: 'must be true or false' }).default(false),
    weights: weights.optional(),
    limit: z
      .number({ error: 'must be an integer' })
      .int('must be an integer')
      .min(1, `must be between 1 and ${MAX_LIMIT}`)
      .max(MAX_LIMIT, `must be between 1 and ${MAX_LIMIT}`)
      .default(DEFAULT_LIMIT),
  })
  .superRefine((r, ctx) => {
    if (r.maxAreaM2 !== undefined && r.maxAreaM2 < r.minAreaM2) {
      ctx.addIssue({ code: 'custom', path: ['maxAreaM2'], message: 'must not be less than minAreaM2' });
    }
    if (r.weights && Object.values(r.weights).every((w) => w >= 0)) {
      const total = CRITERIA.reduce((s, c) => s + (r.weights?.[c] ?? DEFAULT_WEIGHTS[c]), 0);
      if (total <= 0) ctx.addIssue({ code: 'custom', path: ['weights'], message: 'at least one criterion needs a positive weight' });
    }
  });

/** A validated request, defaults applied. */
export type MatchRequest = z.output<typeof matchRequestSchema>;
/** What a client may send (defaults not yet applied). */
export type MatchRequestInput = z.input<typeof matchRequestSchema>;

export const criterionScore = z.object({
  score: z.number().min(0).max(1),
  weight: z.number().min(0),
  /** One English sentence, e.g. "612 m to Flemingsberg station (commuter rail)". */
  detail: z.string().meta({ examples: ['612 m to Flemingsberg station (commuter rail)'] }),
});
export type CriterionScore = z.output<typeof criterionScore>;

export const transitInfo = z.object({ ref: z.string(), name: z.string(), mode: z.enum(STOP_MODES), distanceM: z.number() });
export type TransitInfo = z.output<typeof transitInfo>;

/** Keyed by the enum: a new criterion or reason appears in the response schema by itself. */
const byKey = <K extends string, S extends z.ZodType>(keys: readonly K[], value: S) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, S>);

export const matchResult = z.object({
  rank: z.number().int().min(1),
  kind: z.enum(SITE_KINDS),
  ref: z.string().meta({ description: 'fastighetsbeteckning (land) or listing ref (premises)' }),
  areaRef: z.string().nullable(),
  score: z.number().min(0).max(1).meta({ description: 'weighted mean of the criteria scores' }),
  usableAreaM2: z.number().meta({ description: 'land: parcel area zoned for the use; premises: floor area' }),
  readiness: z.enum(READINESS),
  readyDate: z.string().nullable().meta({ description: 'YYYY-MM-DD; in_progress land: expected legal force; premises: availableFrom' }),
  planIds: z.array(z.string()),
  transit: transitInfo.nullable(),
  criteria: byKey(CRITERIA, criterionScore),
  geometry: geometry.meta({ description: 'GeoJSON geometry, EPSG:4326, at most 7 decimals' }),
});
export type MatchResult = z.output<typeof matchResult>;

export const exclusionCounts = byKey(EXCLUSION_REASONS, z.number().int().min(0)).meta({
  description: 'candidates of the requested kinds left out, each under the first failing reason, in this order',
});
export type ExclusionCounts = z.output<typeof exclusionCounts>;

export const matchResponse = z.object({ results: z.array(matchResult), excluded: exclusionCounts });
export type MatchResponse = z.output<typeof matchResponse>;

const weightsText = CRITERIA.map((c) => `${c} ${DEFAULT_WEIGHTS[c]}`).join(', ');

export const matchingEndpoints: Endpoint[] = [
  {
    method: 'post', path: '/api/match', tags: ['matching'], operationId: 'match',
    summary: 'Rank candidate land parcels and premises for a company requirement',
    description:
      'Hard rules in PostGIS (EPSG:3006): availability, area restriction, zoning for the use (use table), size ' +
      'bounds on the usable area, readiness by neededBy, nearest qualifying stop within maxDistanceToStationM. ' +
      `Survivors are scored by weighted criteria (default weights: ${weightsText}); score is the weighted mean in [0, 1]. ` +
      'Ties: nearer transit, ready before in_progress, land before premises, then ref. See api/src/matching/README.md.',
    request: { body: { schema: matchRequestSchema } },
    responses: { 200: { description: 'Ranked results and exclusion counts', content: json(matchResponse) } },
    errors: [400, 413],
  },
];
