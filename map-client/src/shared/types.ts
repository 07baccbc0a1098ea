/**
 * The API's contract types (DESIGN.md), shared by every page of the client. Plain types:
 * no runtime code, no framework.
 */

export type Need = 'land' | 'premises' | 'any';
export type MatchUse = 'office' | 'retail' | 'industry' | 'logistics' | 'lab';
export type StopMode = 'commuter_rail' | 'metro' | 'tram' | 'bus';
/** Etablera's planprogram, then the national codelist of NIS Detaljplan (api/src/layers/enums.ts). */
export type PlanStatus =
  | 'programme' | 'started' | 'consultation' | 'review' | 'adopted' | 'appealed' | 'supervision' | 'in_force' | 'cancelled' | 'discontinued';
export type LandStatus = 'available' | 'reserved' | 'sold' | 'not_for_sale';
export type OwnerType = 'municipal' | 'private' | 'state' | 'other';
export type PremisesKind = 'office' | 'retail' | 'industry' | 'warehouse' | 'lab';
export type PremisesStatus = 'available' | 'let' | 'withdrawn';
export type Readiness = 'ready' | 'in_progress';
/** Ranking criteria of POST /api/match (api/src/matching/schema.ts). */
export type Criterion = 'transit' | 'size' | 'readiness' | 'price';
export type ExclusionReason =
  | 'notAvailable'
  | 'outsideAreas'
  | 'wrongUse'
  | 'tooSmall'
  | 'tooLarge'
  | 'notReadyInTime'
  | 'tooFarFromTransit';

export const NEEDS: readonly Need[] = ['any', 'land', 'premises'];
export const MATCH_USES: readonly MatchUse[] = ['office', 'retail', 'industry', 'logistics', 'lab'];
export const STOP_MODES: readonly StopMode[] = ['commuter_rail', 'metro', 'tram', 'bus'];
export const DEFAULT_STATION_MODES: readonly StopMode[] = ['commuter_rail', 'metro', 'tram'];
export const CRITERIA: readonly Criterion[] = ['transit', 'size', 'readiness', 'price'];
/** In the order the API checks them. */
export const EXCLUSION_REASONS: readonly ExclusionReason[] = [
  'notAvailable', 'outsideAreas', 'wrongUse', 'tooSmall', 'tooLarge', 'notReadyInTime', 'tooFarFromTransit',
];

/** Body of POST /api/match. */
export interface MatchRequest {
  need?: Need;
  use: MatchUse;
  minAreaM2: number;
  maxAreaM2?: number;
  areas?: string[];
  maxDistanceToStationM?: number;
  stationModes?: StopMode[];
  neededBy?: string;
  includePlanned?: boolean;
  weights?: Partial<Record<Criterion, number>>;
  limit?: number;
}

export interface CriterionScore {
  score: number;
  weight: number;
  detail: string;
}

export interface MatchResult {
  rank: number;
  kind: 'land' | 'premises';
  ref: string;
  areaRef: string | null;
  score: number;
  usableAreaM2: number;
  readiness: Readiness;
  readyDate: string | null;
  planIds: string[];
  transit: { ref: string; name: string; mode: StopMode; distanceM: number } | null;
  criteria: Partial<Record<Criterion, CriterionScore>> & Record<string, CriterionScore>;
  geometry: GeoJSON.Geometry;
}

export interface MatchResponse {
  results: MatchResult[];
  excluded: Partial<Record<ExclusionReason, number>>;
}

/** `/config.json` of the server. */
export interface ClientConfig {
  basemapStyleUrl: string | null;
}

/** An entry of `/tiles/plans.json` `useCodes`: Boverket's use code with its colour. */
export interface UseCode {
  code: string;
  nameSv: string;
  nameEn: string;
  colour: string;
}
