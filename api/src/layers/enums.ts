// The enumerations of DESIGN.md, in one place for schemas, SQL parameters and OpenAPI.
export const OWNER_TYPES = ['municipal', 'private', 'state', 'other'] as const;
export const LAND_STATUSES = ['available', 'reserved', 'sold', 'not_for_sale'] as const;
/**
 * In pipeline order: Etablera's planprogram, then the national codelist of NIS Detaljplan
 * (påbörjad, samråd, granskning, antagen, överklagad, tillsyn, laga kraft, upphävd, avslutad).
 */
export const PLAN_STATUSES = [
  'programme', 'started', 'consultation', 'review', 'adopted', 'appealed', 'supervision', 'in_force', 'cancelled', 'discontinued',
] as const;
/** Statuses whose zones count as "in progress" for matching rule 1 (in_force counts as ready). */
export const IN_PROGRESS_PLAN_STATUSES = ['consultation', 'review', 'adopted', 'appealed', 'supervision'] as const;
export const PREMISES_KINDS = ['office', 'retail', 'industry', 'warehouse', 'lab'] as const;
export const PREMISES_STATUSES = ['available', 'let', 'withdrawn'] as const;
export const STOP_MODES = ['commuter_rail', 'metro', 'tram', 'bus'] as const;
export const MATCH_USES = ['office', 'retail', 'industry', 'logistics', 'lab'] as const;
/** Boverket kvartersmark base codes (BFS 2020:5), see the use_codes table. */
export const USE_CODE_LETTERS = ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'R', 'S', 'T', 'U', 'V', 'Y', 'Z'] as const;

export type MatchUse = (typeof MATCH_USES)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];
