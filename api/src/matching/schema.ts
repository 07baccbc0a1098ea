import { z } from 'zod';
import { isoDate } from '../http/validate';
import { MATCH_USES, STOP_MODES } from '../layers/enums';

/** Criteria of the ranking, in the order results list them. */
export const CRITERIA = ['transit', 'size', 'readiness', 'price'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** Default weights (README.md explains each); a request's `weights` overrides any of them. */
export const DEFAULT_WEIGHTS: Record<Criterion, number> = { transit: 0.35, size: 0.2, readiness: 0.3, price: 0.15 };

/** Exclusion reasons in the order docs/design.md checks them. */
export const EXCLUSION_REASONS = [
  'notAvailable',
  'outsideAreas',
  'wrongUse',
  'tooSmall',
  'tooLarge',
  'tooLittleBuildingRight',
  'notReadyInTime',
  'tooFarFromTransit',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const NEEDS = ['land', 'premises', 'any'] as const;
export const DEFAULT_STATION_MODES = ['commuter_rail', 'metro', 'tram'] as const;
export const MAX_LIMIT = 200;

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
 * The body of `POST /api/match` (docs/design.md, Matching). Strict: unknown fields are a 400.
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
    minDeparturesPerHour: z.number({ error: 'must be a number of departures an hour' }).finite().nonnegative('must not be negative').optional(),
    // land only (rule 6): premises are not judged on them
    minGrossFloorAreaM2: area.nonnegative('must not be negative').optional(),
    minBuildingFootprintM2: area.nonnegative('must not be negative').optional(),
    weights: weights.optional(),
    limit: z
      .number({ error: 'must be an integer' })
      .int('must be an integer')
      .min(1, `must be between 1 and ${MAX_LIMIT}`)
      .max(MAX_LIMIT, `must be between 1 and ${MAX_LIMIT}`)
      .default(20),
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

export interface CriterionScore {
  /** 0..1 */
  score: number;
  weight: number;
  /** One English sentence, e.g. "612 m to Flemingsberg station (commuter rail)". */
  detail: string;
}

export interface TransitInfo {
  ref: string;
  name: string;
  mode: (typeof STOP_MODES)[number];
  distanceM: number;
  /** Weekday departures an hour 07–09 (GTFS import); null when the stop has no figure. */
  departuresPerHour: number | null;
}

/** Rule 6 over the zone parts that give the usable area; each null when unknown. */
export interface BuildingRight {
  grossFloorAreaM2: number | null;
  buildingFootprintM2: number | null;
  maxHeightM: number | null;
}

export interface MatchResult {
  rank: number;
  kind: 'land' | 'premises';
  ref: string;
  areaRef: string | null;
  score: number;
  usableAreaM2: number;
  readiness: 'ready' | 'in_progress';
  /** YYYY-MM-DD or null */
  readyDate: string | null;
  planIds: string[];
  transit: TransitInfo | null;
  /** Land: rule 6; premises: null. */
  buildingRight: BuildingRight | null;
  criteria: Record<Criterion, CriterionScore>;
  /** GeoJSON geometry, EPSG:4326, at most 7 decimals. */
  geometry: { type: string; coordinates: unknown };
}

export interface MatchResponse {
  results: MatchResult[];
  excluded: Record<ExclusionReason, number>;
}
