import pg from 'pg';
import type { Geometry } from '../contract';
import type { Readiness, SiteKind } from '../contract/enums';
import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { BuildingRight, ExclusionReason, MatchRequest, TransitInfo } from '../contract';
import { effectiveWeights } from './ranking';
import { judgeInMemory } from './memory-judge';

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
  /** Land only (rule 6). */
  buildingRight?: BuildingRight | null;
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
  /** Lowest price among every candidate of the kind that passed the hard rules (null: none stated). */
  cheapest: number | null;
  /** The candidates that can reach the top `limit` (ranking.ts decides exactly). */
  results: Candidate[];
}

export interface JudgeOptions {
  today: string;
  staleAfterDays: number;
  /** Results without zoning and geometry, for a caller that only counts and ranks (unmet demand). The SQL judge ignores it. */
  lite?: boolean;
}

/**
 * Judges every candidate of one kind against the hard rules and returns the counts, the
 * cheapest survivor's price and the survivors that can rank within `limit`: over the pool's
 * in-memory copy of the matching index (memory-judge.ts), or in SQL inside a transaction
 * (whose uncommitted writes only it can see) or when the index kept moving under the copy.
 */
export async function judgeCandidates(db: Queryable, kind: CandidateKind, r: MatchRequest, o: JudgeOptions): Promise<KindOutcome> {
  if (db instanceof pg.Pool) {
    const outcome = await judgeInMemory(db, kind, r, o);
    if (outcome) return outcome;
  }
  return judgeCandidatesInSql(db, kind, r, o);
}

/** The same judgement in one query over the matching index: the reference the in-memory judge must equal. */
export async function judgeCandidatesInSql(db: Queryable, kind: CandidateKind, r: MatchRequest, o: JudgeOptions): Promise<KindOutcome> {
  const areas = r.areas && r.areas.length > 0 ? r.areas : null;
  const w = effectiveWeights(r);
  const common: unknown[] = [
    r.use, r.minAreaM2, r.maxAreaM2 ?? null, areas, r.neededBy ?? null, r.stationModes, r.includePlanned,
    r.maxDistanceToStationM ?? null,
  ];
  const weights = [w.transit, w.size, w.readiness, w.price];
  // Named statements: each connection parses and plans these long queries once.
  const query = kind === 'land'
    ? {
        name: 'match-land-candidates-v2',
        text: landCandidatesSql,
        values: [...common, r.minGrossFloorAreaM2 ?? null, r.minBuildingFootprintM2 ?? null, r.minDeparturesPerHour ?? null,
          r.limit, o.today, ...weights],
      }
    : {
        name: 'match-premises-candidates-v2',
        text: premisesCandidatesSql,
        values: [...common, r.minDeparturesPerHour ?? null, r.limit, o.today, ...weights, o.staleAfterDays],
      };
  const { rows } = await db.query(query);
  return { excluded: rows[0].excluded, cheapest: rows[0].cheapest, results: rows[0].results };
}

