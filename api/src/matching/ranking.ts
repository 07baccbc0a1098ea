import { priceScore, readinessScore, sizeScore, transitScore, type Scored } from './criteria';
import type { Candidate } from './repository';
import { CRITERIA, DEFAULT_WEIGHTS, type Criterion, type MatchRequest, type MatchResult } from './schema';

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The request's weights over the defaults. */
export function effectiveWeights(r: MatchRequest): Record<Criterion, number> {
  return { ...DEFAULT_WEIGHTS, ...(r.weights ?? {}) } as Record<Criterion, number>;
}

function cheapestByKind(candidates: Candidate[]): Map<string, number> {
  const cheapest = new Map<string, number>();
  for (const c of candidates) {
    if (c.price === null || c.price === undefined) continue;
    cheapest.set(c.kind, Math.min(c.price, cheapest.get(c.kind) ?? Infinity));
  }
  return cheapest;
}

// All else equal: nearer transit, ready before in progress, land before premises, then ref.
function compare(a: MatchResult, b: MatchResult): number {
  if (a.score !== b.score) return b.score - a.score;
  const da = a.transit?.distanceM ?? Infinity;
  const db = b.transit?.distanceM ?? Infinity;
  if (da !== db) return da < db ? -1 : 1;
  if (a.readiness !== b.readiness) return a.readiness === 'ready' ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'land' ? -1 : 1;
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}

/**
 * Scores every candidate (weighted mean of the criteria, in [0, 1]), sorts them and keeps
 * the first `limit`, numbered from rank 1.
 */
export function rankCandidates(
  candidates: Candidate[],
  r: MatchRequest,
  today: string,
  /** The lowest price per kind over every survivor, when `candidates` is only the part that can rank. */
  cheapestOverride?: Map<string, number>,
): MatchResult[] {
  const weights = effectiveWeights(r);
  const total = CRITERIA.reduce((s, k) => s + weights[k], 0);
  const cheapest = cheapestOverride ?? cheapestByKind(candidates);
  const scored = candidates.map((c): MatchResult => {
    const parts: Record<Criterion, Scored> = {
      transit: transitScore(c, r),
      size: sizeScore(c, r),
      readiness: readinessScore(c, today),
      price: priceScore(c, cheapest.get(c.kind)),
    };
    const criteria = Object.fromEntries(
      CRITERIA.map((k) => [k, { score: round4(parts[k].score), weight: weights[k], detail: parts[k].detail }]),
    ) as MatchResult['criteria'];
    const score = round4(CRITERIA.reduce((s, k) => s + weights[k] * parts[k].score, 0) / total);
    return {
      rank: 0,
      kind: c.kind,
      ref: c.ref,
      areaRef: c.areaRef,
      score,
      usableAreaM2: c.usableAreaM2,
      readiness: c.readiness,
      readyDate: c.readyDate,
      planIds: c.planIds,
      transit: c.transit
        ? { ref: c.transit.ref, name: c.transit.name, mode: c.transit.mode, distanceM: c.transit.distanceM, departuresPerHour: c.transit.departuresPerHour ?? null }
        : null,
      buildingRight: c.kind === 'land' ? c.buildingRight ?? { grossFloorAreaM2: null, buildingFootprintM2: null, maxHeightM: null } : null,
      criteria,
      geometry: c.geometry,
    };
  });
  return scored
    .sort(compare)
    .slice(0, r.limit)
    .map((res, i) => ({ ...res, rank: i + 1 }));
}
