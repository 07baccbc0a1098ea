import type { Queryable } from '../db/pool';
import { AppError, badRequest } from '../errors/app-error';
import { EXCLUSION_REASONS, MATCH_USES } from '../contract/enums';
import { matchRequestSchema, readyMatchAmongTop, runMatch, type MatchResponse, type MatchResult } from '../matching/service';
import { SIZE_BANDS, sizeBand, summarise, type SizeBand } from './demand-summary';
import * as repo from './repository';

/** The matching API's largest `limit`: enough to see whether any `ready` site exists. */
const MATCH_LIMIT = 200;
/** docs/design.md's order of exclusion reasons: a candidate is counted under the first that applies. */
const REASON_ORDER: readonly ExclusionReason[] = EXCLUSION_REASONS;

// The answer's shape is the contract's (api/src/contract/readiness.ts).
export type { FutureSite, UnmetRow, UnmetDemandResponse as UnmetDemand } from '../contract/readiness';
import type { FutureSite, UnmetRow, UnmetDemandResponse as UnmetDemand } from '../contract/readiness';
import type { ExclusionReason, MatchUse } from '../contract/enums';

interface Judged {
  id: number; use: MatchUse; band: SizeBand; areaRefs: Array<string | null>; met: boolean; match: MatchResponse;
  /** In-progress land meeting the request once its plans are in force, whenever that is (neededBy aside). */
  future: MatchResult[];
}

/**
 * What a request fails on: the latest check in docs/design.md's order that stopped any candidate,
 * i.e. the hurdle its closest candidates did not clear. Counting candidates instead would
 * let the stock speak (every warehouse is wrongUse for an office request). Null: no candidate.
 */
function failsOn(excluded: Partial<Record<ExclusionReason, number>>): ExclusionReason | null {
  for (let i = REASON_ORDER.length - 1; i >= 0; i--) if ((excluded[REASON_ORDER[i]] ?? 0) > 0) return REASON_ORDER[i];
  return null;
}

async function judge(db: Queryable, id: number, criteria: unknown, staleAfterDays: number): Promise<Judged | { id: number; reason: string }> {
  const parsed = matchRequestSchema.safeParse(criteria);
  if (!parsed.success) return { id, reason: `criteria: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const r = parsed.data;
  const areaRefs = r.areas?.length ? [...new Set(r.areas)] : [null];
  let match: MatchResponse;
  try {
    // a request with a ready site needs no results: the in-memory judge tells it from the estimates
    const quick = await readyMatchAmongTop(db, { ...r, limit: MATCH_LIMIT }, { staleAfterDays });
    if (quick?.met) return { id, use: r.use, band: sizeBand(r.minAreaM2), areaRefs, met: true, match: { results: [], excluded: quick.excluded }, future: [] };
    match = await runMatch(db, { ...r, limit: MATCH_LIMIT }, { staleAfterDays, lite: true });
  } catch (err) {
    // A saved request naming an area since removed: report it, do not fail the whole answer.
    if (err instanceof AppError && err.status === 400) return { id, reason: err.message };
    throw err;
  }
  const met = match.results.some((x) => x.readiness === 'ready');
  let future = match.results;
  if (!met && r.neededBy) future = (await runMatch(db, { ...r, neededBy: undefined, limit: MATCH_LIMIT }, { staleAfterDays, lite: true })).results;
  future = future.filter((x) => x.readiness === 'in_progress');
  return { id, use: r.use, band: sizeBand(r.minAreaM2), areaRefs, met, match, future };
}

// Requests judged at once: each is a database-bound match, and the pool has ten connections
// shared with every other request the server is answering.
const JUDGE_CONCURRENCY = 4;

/** `work` over `items`, at most `limit` at a time, results in the order of `items`. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const site = (x: MatchResult): FutureSite => ({
  ref: x.ref, kind: x.kind, areaRef: x.areaRef, usableAreaM2: x.usableAreaM2, readyDate: x.readyDate, planIds: x.planIds,
});

/**
 * Unmet demand (docs/design.md, Readiness): saved requests with no `ready` match today, per use,
 * size band and named area, with their summed exclusion reasons, the dominant one, and the
 * land in progress that would meet them. Runs the matching engine on every saved request.
 * Example: `await unmetDemand(db, { use: 'logistics' }, 90)`.
 */
export async function unmetDemand(db: Queryable, q: { area?: string; use?: MatchUse }, staleAfterDays: number): Promise<UnmetDemand> {
  // Cached per data revision: an answer is reused until a layer, a saved request, the use
  // table or the date changes (the key is read in the same round trip as any other query).
  const key = JSON.stringify([await repo.revisionKey(db), q.area ?? null, q.use ?? null, staleAfterDays, new Date().toISOString().slice(0, 10)]);
  const hit = cache.get(key);
  if (hit) return structuredClone(hit);
  const answer = await computeUnmetDemand(db, q, staleAfterDays);
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, structuredClone(answer));
  return answer;
}

/** Answers kept per process: one per (data revision, area, use); old revisions age out first. */
const CACHE_ENTRIES = 32;
const cache = new Map<string, UnmetDemand>();

async function computeUnmetDemand(db: Queryable, q: { area?: string; use?: MatchUse }, staleAfterDays: number): Promise<UnmetDemand> {
  const areas = await repo.listAreas(db);
  if (q.area && !areas.some((a) => a.ref === q.area)) throw badRequest('unknown_area', `area: no area with ref '${q.area}'`);
  const names = new Map(areas.map((a) => [a.ref, a.name]));
  // Only the requests the answer can show are matched: each one is a full run of the engine.
  const saved = await repo.listSavedRequests(db, q.use, q.area);
  const judged: Judged[] = [];
  const skipped: Array<{ id: number; reason: string }> = [];
  for (const j of await inParallel(saved, JUDGE_CONCURRENCY, (s) => judge(db, s.id, s.criteria, staleAfterDays))) {
    if ('reason' in j) skipped.push(j);
    else judged.push(j);
  }

  const key = (use: string, band: string, area: string | null) => `${use}|${band}|${area ?? ''}`;
  const totals = new Map<string, number>();
  const rows = new Map<string, UnmetRow & { tally: Map<ExclusionReason | null, number> }>();
  for (const j of judged) {
    for (const areaRef of j.areaRefs) {
      if ((q.use && j.use !== q.use) || (q.area && areaRef !== q.area)) continue;
      const k = key(j.use, j.band, areaRef);
      totals.set(k, (totals.get(k) ?? 0) + 1);
      if (j.met) continue;
      let row = rows.get(k);
      if (!row) {
        row = {
          use: j.use, sizeBand: j.band, areaRef, requests: 0, reasons: {}, totalRequests: 0, dominantReason: null,
          dominantShare: 0, summary: { sv: '', en: '' }, requestIds: [], onceInForce: { requests: 0, sites: [], hectares: 0 },
          tally: new Map(),
        };
        rows.set(k, row);
      }
      row.requests += 1;
      row.requestIds.push(j.id);
      for (const reason of EXCLUSION_REASONS) row.reasons[reason] = (row.reasons[reason] ?? 0) + j.match.excluded[reason];
      const d = failsOn(j.match.excluded);
      row.tally.set(d, (row.tally.get(d) ?? 0) + 1);
      const future = j.future.filter((x) => areaRef === null || x.areaRef === areaRef);
      if (future.length > 0) row.onceInForce.requests += 1;
      for (const x of future) if (!row.onceInForce.sites.some((s) => s.ref === x.ref && s.kind === x.kind)) row.onceInForce.sites.push(site(x));
    }
  }

  const out: UnmetRow[] = [];
  for (const [k, { tally, ...row }] of rows) {
    row.totalRequests = totals.get(k)!;
    // The reason most of the row's requests fail on; ties go to the later check (the nearer miss).
    const rank = (r: ExclusionReason | null) => -(r === null ? -1 : REASON_ORDER.indexOf(r));
    const [best, bestN] = [...tally].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0];
    row.dominantReason = best;
    row.dominantShare = Math.round((bestN / row.totalRequests) * 1000) / 1000;
    row.summary = summarise({
      use: row.use, sizeBand: row.sizeBand, areaName: row.areaRef ? names.get(row.areaRef) ?? row.areaRef : null,
      share: row.dominantShare, reason: best,
    });
    row.onceInForce.sites.sort((a, b) => a.ref.localeCompare(b.ref));
    row.onceInForce.hectares = Math.round(row.onceInForce.sites.reduce((s, x) => s + (x.kind === 'land' ? x.usableAreaM2 : 0), 0)) / 10000;
    out.push(row);
  }
  out.sort(
    (a, b) =>
      MATCH_USES.indexOf(a.use as never) - MATCH_USES.indexOf(b.use as never) ||
      SIZE_BANDS.indexOf(a.sizeBand) - SIZE_BANDS.indexOf(b.sizeBand) ||
      (a.areaRef === null ? 1 : 0) - (b.areaRef === null ? 1 : 0) ||
      (a.areaRef ?? '').localeCompare(b.areaRef ?? ''),
  );
  const unmet = judged.filter((j) => !j.met).length;
  return { rows: out, requests: { total: saved.length, unmet, skipped } };
}
