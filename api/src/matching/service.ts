import type { Queryable } from '../db/pool';
import { parseWith } from '../http/validate';
import { checkAreaRefs } from '../areas/service';
import { today as stockholmToday } from '../clock/today';
import { judgeCandidates, type CandidateKind } from './repository';
import { rankCandidates } from './ranking';
import { currentSnapshot } from './snapshot';
import { readyAmongTopInMemory } from './memory-judge';
import pg from 'pg';
import {
  EXCLUSION_REASONS,
  matchRequestSchema,
  type ExclusionReason,
  type MatchRequest,
  type MatchRequestInput,
  type MatchResponse,
} from './schema';

export { matchRequestSchema, type MatchRequest, type MatchResponse, type MatchResult } from './schema';

/** Same default as PREMISES_STALE_AFTER_DAYS in config.ts. */
const DEFAULT_STALE_AFTER_DAYS = 90;

export interface RunMatchOptions {
  /** Premises not confirmed for this many days count as notAvailable (config.premisesStaleAfterDays). */
  staleAfterDays?: number;
  /** YYYY-MM-DD; defaults to today (Stockholm, clock/today.ts). Fixes "now" for timing scores and staleness. */
  today?: string;
  /**
   * Results without zoning (in the readiness detail) and geometry (null): for a caller that
   * only counts and ranks, such as unmet demand. Scores and ranks are the same.
   */
  lite?: boolean;
}

/**
 * Matches a company's requirement against current data (docs/design.md, Matching): every
 * candidate of the kinds `need` names is judged by the hard rules in PostGIS, the survivors
 * are scored and ranked. Accepts a raw body too: it is validated here (400 on a fault).
 * Example: `await runMatch(db, { use: 'lab', minAreaM2: 800, areas: ['flemingsberg'] })`.
 */
export async function runMatch(
  db: Queryable,
  request: MatchRequest | MatchRequestInput,
  opts: RunMatchOptions = {},
): Promise<MatchResponse> {
  const r = parseWith(matchRequestSchema, request);
  await checkAreaRefs(db, r.areas, 'areas');
  const today = opts.today ?? stockholmToday();
  const kinds: CandidateKind[] = r.need === 'any' ? ['land', 'premises'] : [r.need];
  const outcomes = await Promise.all(
    kinds.map((k) => judgeCandidates(db, k, r, { today, staleAfterDays: opts.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS, lite: opts.lite })),
  );
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((k) => [k, 0])) as Record<ExclusionReason, number>;
  for (const o of outcomes) for (const k of EXCLUSION_REASONS) excluded[k] += o.excluded[k] ?? 0;
  // The queries return only the survivors that can rank; the price criterion still compares
  // with the cheapest of all of them.
  const cheapest = new Map<string, number>();
  outcomes.forEach((o, i) => {
    if (o.cheapest !== null && o.cheapest !== undefined) cheapest.set(kinds[i], o.cheapest);
  });
  const results = rankCandidates(outcomes.flatMap((o) => o.results), r, today, cheapest);
  return { results, excluded };
}

/**
 * Reads the matching index into memory ahead of the first match (server start): at a million
 * parcels the read takes seconds, and matches judge in SQL until it is done.
 */
export async function prepareMatching(pool: pg.Pool): Promise<void> {
  await currentSnapshot(pool);
}

/**
 * For unmet demand: whether the request has a `ready` site among its first `limit` results,
 * with its exclusion counts, when the in-memory judge can tell it without building results;
 * null when it cannot (then runMatch answers). Unknown area refs are a 400, as in runMatch.
 */
export async function readyMatchAmongTop(
  db: Queryable,
  request: MatchRequest | MatchRequestInput,
  opts: RunMatchOptions = {},
): Promise<{ met: boolean; excluded: Record<ExclusionReason, number> } | null> {
  if (!(db instanceof pg.Pool)) return null;
  const r = parseWith(matchRequestSchema, request);
  await checkAreaRefs(db, r.areas, 'areas');
  const answer = await readyAmongTopInMemory(db, r, { today: opts.today ?? stockholmToday(), staleAfterDays: opts.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS });
  if (!answer) return null;
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((k) => [k, answer.excluded[k] ?? 0])) as Record<ExclusionReason, number>;
  return { met: answer.met, excluded };
}
