import type { Geometry } from '../contract';
import type { Readiness, SiteKind } from '../contract/enums';
import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { ExclusionReason, MatchRequest, TransitInfo } from './schema';

const landCandidatesSql = sqlFile(__dirname, 'land-candidates.sql');
const premisesCandidatesSql = sqlFile(__dirname, 'premises-candidates.sql');

export type CandidateKind = SiteKind;

/** A site that passed every hard rule, as PostGIS wrote it (before scoring). */
export interface Candidate {
  kind: CandidateKind;
  ref: string;
  title?: string;
  areaRef: string | null;
  usableAreaM2: number;
  readiness: Readiness;
  readyDate: string | null;
  planIds: string[];
  /** Land: SEK/m²; premises: rent SEK/m² and year. */
  price: number | null;
  transit: (TransitInfo & { planned: boolean; openingYear: number | null }) | null;
  /** Land only: the plans whose permitting zones the usable area comes from. */
  zoning?: ZoningPlan[];
  geometry: Geometry;
}

export interface ZoningPlan {
  planId: string;
  planName: string;
  status: string;
  legalForceDate: string | null;
  expectedLegalForceDate: string | null;
  codes: Array<{ code: string; name: string }>;
}

export interface KindOutcome {
  excluded: Partial<Record<ExclusionReason, number>>;
  results: Candidate[];
}

export interface JudgeOptions {
  today: string;
  staleAfterDays: number;
}

/** Judges every candidate of one kind against the hard rules in one query. */
export async function judgeCandidates(db: Queryable, kind: CandidateKind, r: MatchRequest, o: JudgeOptions): Promise<KindOutcome> {
  const areas = r.areas && r.areas.length > 0 ? r.areas : null;
  const params: unknown[] = [
    r.use, r.minAreaM2, r.maxAreaM2 ?? null, areas, r.neededBy ?? null, r.stationModes, r.includePlanned,
    r.maxDistanceToStationM ?? null,
  ];
  // Named statements: each connection parses and plans these long queries once.
  const query = kind === 'land'
    ? { name: 'match-land-candidates', text: landCandidatesSql, values: params }
    : { name: 'match-premises-candidates', text: premisesCandidatesSql, values: [...params, o.today, o.staleAfterDays] };
  const { rows } = await db.query(query);
  return { excluded: rows[0].excluded, results: rows[0].results };
}

