/**
 * Every enumeration of the API, declared once. The server's schemas, SQL parameters and
 * OpenAPI, and every client page (labels keyed `Record<Enum, …>`) read them from here.
 * Adding a value here is the one edit; `tsc` then names every label table that lacks it.
 */

// ---- Layers (docs: Layers)
export const OWNER_TYPES = ['municipal', 'private', 'state', 'other'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];
export const LAND_STATUSES = ['available', 'reserved', 'sold', 'not_for_sale'] as const;
export type LandStatus = (typeof LAND_STATUSES)[number];
/** A reservation or land allocation (markanvisning) of a parcel. */
export const RESERVATION_KINDS = ['reservation', 'markanvisning'] as const;
export type ReservationKind = (typeof RESERVATION_KINDS)[number];
/**
 * In pipeline order: Etablera's planprogram, then the national codelist of NIS Detaljplan
 * (påbörjad, samråd, granskning, antagen, överklagad, tillsyn, laga kraft, upphävd, avslutad).
 */
export const PLAN_STATUSES = [
  'programme', 'started', 'consultation', 'review', 'adopted', 'appealed', 'supervision', 'in_force', 'cancelled', 'discontinued',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
/** Statuses whose zones count as "in progress" for matching rule 1 (in_force counts as ready). */
export const IN_PROGRESS_PLAN_STATUSES = ['consultation', 'review', 'adopted', 'appealed', 'supervision'] as const;
export const PREMISES_KINDS = ['office', 'retail', 'industry', 'warehouse', 'lab'] as const;
export type PremisesKind = (typeof PREMISES_KINDS)[number];
export const PREMISES_STATUSES = ['available', 'let', 'withdrawn'] as const;
export type PremisesStatus = (typeof PREMISES_STATUSES)[number];
export const STOP_MODES = ['commuter_rail', 'metro', 'tram', 'bus'] as const;
export type StopMode = (typeof STOP_MODES)[number];
export const MUNICIPALITY_RELATIONS = ['focus', 'neighbour', 'other'] as const;
export type MunicipalityRelation = (typeof MUNICIPALITY_RELATIONS)[number];
/** Boverket kvartersmark base codes (BFS 2020:5), see the use_codes table. */
export const USE_CODE_LETTERS = ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'R', 'S', 'T', 'U', 'V', 'Y', 'Z'] as const;
export type UseCodeLetter = (typeof USE_CODE_LETTERS)[number];
/** The layers of the read API (GET /api/{layer}) and the downloads. */
export const READ_LAYER_NAMES = ['areas', 'land', 'plans', 'premises', 'stops', 'municipalities'] as const;
export type ReadLayerName = (typeof READ_LAYER_NAMES)[number];
/** The layers the editor writes (POST/PATCH /api/{layer}). */
export const WRITABLE_LAYERS = ['premises', 'plans', 'land'] as const;
export type WritableLayer = (typeof WRITABLE_LAYERS)[number];
/** The polygon layers served as vector tiles (points stay GeoJSON under /api). */
export const TILE_LAYERS = ['areas', 'land', 'plans', 'municipalities'] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];

// ---- Matching (docs: Matching)
/** The uses a company asks for; the use table maps each to plan codes and premises kinds. */
export const MATCH_USES = ['office', 'retail', 'industry', 'logistics', 'lab'] as const;
export type MatchUse = (typeof MATCH_USES)[number];
export const NEEDS = ['land', 'premises', 'any'] as const;
export type Need = (typeof NEEDS)[number];
/** What a candidate is: a land parcel or a premises listing. */
export const SITE_KINDS = ['land', 'premises'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
export const READINESS = ['ready', 'in_progress'] as const;
export type Readiness = (typeof READINESS)[number];
/** Criteria of the ranking, in the order results list them. */
export const CRITERIA = ['transit', 'size', 'readiness', 'price'] as const;
export type Criterion = (typeof CRITERIA)[number];
/** Exclusion reasons in the order the match checks them (a candidate counts under the first it fails). */
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
export const DEFAULT_STATION_MODES = ['commuter_rail', 'metro', 'tram'] as const;

// ---- Readiness (docs: Readiness)
/** Size bands of unmet demand, by the request's minAreaM2. */
export const SIZE_BANDS = ['<5000', '5000-20000', '20000-50000', '>=50000'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

// ---- Cases (docs: Cases and KPIs), in process order
export const STAGES = [
  'first_contact',
  'needs_analysis',
  'site_proposals',
  'site_visit',
  'negotiation',
  'decision',
  'established',
  'lost',
  'follow_up',
] as const;
export type Stage = (typeof STAGES)[number];
/** Alias: the client calls it a case stage. */
export type CaseStage = Stage;
export const ACTIVE_STAGES = ['first_contact', 'needs_analysis', 'site_proposals', 'site_visit', 'negotiation', 'decision'] as const;
export type ActiveStage = (typeof ACTIVE_STAGES)[number];
export const CLOSED_STAGES: readonly Stage[] = ['established', 'lost'];
export const LOST_REASONS = ['no_suitable_site', 'price', 'timing', 'chose_other_location', 'project_cancelled', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];
export const SITE_RESPONSES = ['pending', 'interested', 'not_interested', 'visited'] as const;
export type SiteResponse = (typeof SITE_RESPONSES)[number];
/** Timeline entries a person adds; stage changes and sites have their own endpoints. */
export const EVENT_KINDS = ['note', 'call', 'meeting'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** Timeline entries: the ones a person adds and the ones the case writes itself. */
export const TIMELINE_KINDS = [...EVENT_KINDS, 'stage_change', 'site_proposed', 'site_response'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
/** Where a case came from: opened by staff or by the public intake form. */
export const CASE_SOURCES = ['staff', 'intake'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const OUTCOMES = ['established', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** How ready a pitched site is, in the investor's terms. */
export const PITCH_READINESS = ['ready', 'in_progress', 'programme', 'none'] as const;
export type PitchReadiness = (typeof PITCH_READINESS)[number];

// ---- Accounts and audit (docs: Accounts)
export const ROLES = ['admin', 'business', 'planner', 'owner'] as const;
export type Role = (typeof ROLES)[number];
/** The business unit's own staff (not property owners). */
export const STAFF_ROLES: readonly Role[] = ['admin', 'business', 'planner'];
export const ACCOUNT_STATUSES = ['pending', 'active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
// person: a GDPR export, erasure or retention run (gdpr/service.ts), ref = hash of the e-mail or 'retention'.
export const AUDIT_ENTITIES = ['account', 'premises', 'plan_zone', 'plan', 'land', 'case', 'checklist_item', 'person'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

// ---- Output
export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const FORMATS = ['json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];
