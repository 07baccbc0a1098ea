// The hard rules of matching (docs/design.md, Matching) over the in-memory copy of the matching
// index (snapshot.ts), exactly as land-candidates.sql and premises-candidates.sql apply them
// over the index in SQL: same reasons in the same order, same nearest stop, same pre-selection
// of the survivors that can rank. The SQL judge remains the reference (and serves
// transactions); tests/api/match-memory-exact.test.ts compares the two on random worlds.
import type pg from 'pg';
import { sqlFile } from '../db/sql-file';
import type { ExclusionReason, MatchRequest } from '../contract';
import { effectiveWeights } from './ranking';
import type { Candidate, CandidateKind, JudgeOptions, KindOutcome } from './repository';
import {
  AVAILABLE,
  SLOT_MODES,
  SLOTS,
  UNAVAILABLE,
  currentSnapshot,
  type SiteStops,
  type Snapshot,
} from './snapshot';

const nearestStopsSql = sqlFile(__dirname, 'memory-nearest-stops.sql');
const candidatesSql = sqlFile(__dirname, 'memory-candidates.sql');

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
/** Weights and bounds as the SQL judge's pre-selection uses them (the ranking decides exactly). */
const TRANSIT_REACH_M = 2000;
const HORIZON_DAYS = 1825;
/** How far below the limit-th estimate a survivor is still kept (ranking.ts rounds to 1e-4). */
const SLACK = 0.001;
const ATTEMPTS = 3;

/** A site that passed rules 1, 2, 4 and 6, awaiting rule 3. */
interface Passed {
  pos: number;
  ready: boolean;
  usable: number;
  /** Land: ready date (days) when in progress; premises: available-from day. NaN: none. */
  day: number;
  price: number;
  stopId: number;
  distance: number;
  /** Rule 3 needs the KNN (a frequency bound, or a hidden planned stop). */
  knn: boolean;
}

interface Judgement {
  counts: Map<ExclusionReason, number>;
  passed: Passed[];
}

interface StopRule {
  slots: number[];
  includePlanned: boolean;
  neededYear: number;
  knnAlways: boolean;
}

function stopRule(r: MatchRequest): StopRule {
  const modes = new Set<string>(r.stationModes);
  const slots: number[] = [];
  SLOT_MODES.forEach((m, i) => {
    if (modes.has(m)) slots.push(i * 2, i * 2 + 1);
  });
  return {
    slots,
    includePlanned: r.includePlanned,
    neededYear: r.neededBy ? Number(r.neededBy.slice(0, 4)) : NaN,
    knnAlways: r.minDeparturesPerHour !== undefined,
  };
}

/** Rule 3 from the index: the nearest stop that counts, or the mark that the KNN must answer. */
function nearestStop(stops: SiteStops, pos: number, rule: StopRule, p: Passed): void {
  let best = -1;
  let bestDistance = Infinity;
  for (const slot of rule.slots) {
    const i = pos * SLOTS + slot;
    const d = stops.distance[i];
    if (Number.isNaN(d)) continue;
    const planned = slot % 2 === 1;
    const counts = !planned || rule.includePlanned || stops.openingYear[i] <= rule.neededYear;
    if (counts && d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  // A nearer planned stop that does not count may hide a farther planned one that does; the
  // index keeps only the nearest per mode, so such a site asks the KNN. Without a neededBy
  // year (and without includePlanned) no planned stop counts, and nothing can be hidden.
  let hidden = false;
  if (!rule.knnAlways && !rule.includePlanned && !Number.isNaN(rule.neededYear)) {
    for (const slot of rule.slots) {
      if (slot % 2 === 0) continue;
      const i = pos * SLOTS + slot;
      const d = stops.distance[i];
      if (Number.isNaN(d)) continue;
      // NaN comparisons are false, as the SQL's coalesce(opening_year <= year, false)
      if (!(stops.openingYear[i] <= rule.neededYear) && (best < 0 || d < bestDistance)) hidden = true;
    }
  }
  p.knn = rule.knnAlways || hidden;
  p.stopId = best < 0 ? 0 : stops.stopId[best];
  p.distance = best < 0 ? NaN : bestDistance;
}

function inAreas(areaRef: number, hits: readonly number[] | null, wanted: Uint8Array): boolean {
  if (areaRef >= 0) return wanted[areaRef] === 1;
  if (!hits) return false;
  for (const h of hits) if (wanted[h] === 1) return true;
  return false;
}

function wantedAreas(s: Snapshot, r: MatchRequest): Uint8Array | null {
  if (!r.areas || r.areas.length === 0) return null;
  const wanted = new Uint8Array(s.areas.index.size + 1);
  for (const a of r.areas) {
    const i = s.areas.index.get(a);
    if (i !== undefined) wanted[i] = 1;
  }
  return wanted;
}

function add(counts: Map<ExclusionReason, number>, reason: ExclusionReason): void {
  counts.set(reason, (counts.get(reason) ?? 0) + 1);
}

/**
 * Rules 2, 4, 1 and 6 for every parcel, in the SQL judge's order of reasons. Only the use's
 * rows are walked: notAvailable, outsideAreas and wrongUse follow from the snapshot's counts.
 */
function judgeLand(s: Snapshot, r: MatchRequest, stop: StopRule): Judgement {
  const land = s.land;
  const sum = land.summary;
  const counts = new Map<ExclusionReason, number>();
  const passed: Passed[] = [];
  const wanted = wantedAreas(s, r);
  let inAreas_ = sum.available;
  if (wanted) {
    inAreas_ = 0;
    for (let a = 0; a < sum.availableByArea.length; a++) if (wanted[a] === 1) inAreas_ += sum.availableByArea[a];
    for (const pos of sum.availableWithHits) if (inAreas(-1, land.hits[pos], wanted)) inAreas_++;
  }
  const u = land.uses.get(r.use);
  const min = r.minAreaM2;
  const max = r.maxAreaM2 ?? Infinity;
  const gfaMin = r.minGrossFloorAreaM2 ?? -Infinity;
  const fpMin = r.minBuildingFootprintM2 ?? -Infinity;
  const neededDay = r.neededBy ? dayOf(r.neededBy) : NaN;
  let withUse = 0;
  const rows = u ? u.readyM2.length : 0;
  for (let row = 0; row < rows; row++) {
    const pos = u!.posOf[row];
    // a row replaced by a later refresh, or a parcel not for sale
    if (u!.rowOf[pos] !== row || land.state[pos] !== AVAILABLE) continue;
    if (wanted && !inAreas(land.areaRef[pos], land.hits[pos], wanted)) continue;
    withUse++;
    const readyM2 = u!.readyM2[row];
    const progressM2 = u!.progressM2[row];
    const ready = readyM2 >= min;
    if (ready) {
      if (readyM2 > max) {
        add(counts, 'tooLarge');
        continue;
      }
    } else if (progressM2 < min) {
      add(counts, 'tooSmall');
      continue;
    } else if (progressM2 > max) {
      add(counts, 'tooLarge');
      continue;
    }
    // rule 6: a known building right below the bound; an unknown one (NaN) passes
    const gfa = ready ? u!.readyGfa[row] : u!.progressGfa[row];
    const footprint = ready ? u!.readyFootprint[row] : u!.progressFootprint[row];
    if (gfa < gfaMin || footprint < fpMin) {
      add(counts, 'tooLittleBuildingRight');
      continue;
    }
    const readyDay = u!.readyDay[row];
    if (!ready && !Number.isNaN(neededDay) && !(readyDay <= neededDay)) {
      add(counts, 'notReadyInTime');
      continue;
    }
    const p: Passed = { pos, ready, usable: ready ? readyM2 : progressM2, day: ready ? NaN : readyDay,
      price: land.price[pos], stopId: 0, distance: NaN, knn: false };
    nearestStop(land.stops, pos, stop, p);
    passed.push(p);
  }
  if (sum.unavailable > 0) counts.set('notAvailable', sum.unavailable);
  if (sum.available - inAreas_ > 0) counts.set('outsideAreas', sum.available - inAreas_);
  if (inAreas_ - withUse > 0) counts.set('wrongUse', inAreas_ - withUse);
  return { counts, passed };
}

/** Rules 2, 4 and 1 (the kind) for every listing, in the SQL judge's order of reasons. */
function judgePremises(s: Snapshot, r: MatchRequest, stop: StopRule, o: JudgeOptions): Judgement {
  const p = s.premises;
  const counts = new Map<ExclusionReason, number>();
  const passed: Passed[] = [];
  const wanted = wantedAreas(s, r);
  const kinds = new Set(s.uses.get(r.use)?.premisesKinds ?? []);
  const staleBefore = dayOf(o.today) - o.staleAfterDays;
  const max = r.maxAreaM2 ?? Infinity;
  const neededDay = r.neededBy ? dayOf(r.neededBy) : NaN;
  const n = p.sites.ids.length;
  for (let pos = 0; pos < n; pos++) {
    const state = p.state[pos];
    if (state === UNAVAILABLE || (state === AVAILABLE && p.confirmedDay[pos] < staleBefore)) {
      add(counts, 'notAvailable');
      continue;
    }
    if (state !== AVAILABLE) continue;
    if (wanted && !inAreas(-1, p.hits[pos], wanted)) {
      add(counts, 'outsideAreas');
      continue;
    }
    if (!kinds.has(p.kind[pos])) {
      add(counts, 'wrongUse');
      continue;
    }
    const floor = p.floorArea[pos];
    if (floor < r.minAreaM2) {
      add(counts, 'tooSmall');
      continue;
    }
    if (floor > max) {
      add(counts, 'tooLarge');
      continue;
    }
    const day = p.availableDay[pos];
    if (day > neededDay) {
      add(counts, 'notReadyInTime');
      continue;
    }
    const q: Passed = { pos, ready: true, usable: floor, day, price: p.price[pos], stopId: 0, distance: NaN, knn: false };
    nearestStop(p.stops, pos, stop, q);
    passed.push(q);
  }
  return { counts, passed };
}

/** The pre-selection's estimate of a survivor's score (the SQL judge's `estimate`). */
function estimator(kind: CandidateKind, r: MatchRequest, today: number, cheapest: number) {
  const w = effectiveWeights(r);
  // divided by the largest weight first: tiny or huge weights neither underflow nor overflow
  const top = Math.max(w.transit, w.size, w.readiness, w.price);
  const wt = w.transit / top;
  const ws = w.size / top;
  const wr = w.readiness / top;
  const wp = w.price / top;
  const total = wt + ws + wr + wp;
  const reach = r.maxDistanceToStationM ?? TRANSIT_REACH_M;
  return (p: Passed): number => {
    const d = round1(p.distance);
    const transit = p.stopId === 0 ? 0 : reach > 0 ? clamp01(1 - d / reach) : d <= 0 ? 1 : 0;
    const usable = round1(p.usable);
    const size = usable > 0 ? Math.min(1, r.minAreaM2 / usable) : 0;
    let readiness: number;
    if (kind === 'land') {
      readiness = p.ready ? 1 : Number.isNaN(p.day) ? 0.1 : 0.2 + 0.4 * clamp01(1 - Math.max(0, p.day - today) / HORIZON_DAYS);
    } else {
      readiness = Number.isNaN(p.day) || p.day <= today ? 1 : 0.6 + 0.4 * clamp01(1 - (p.day - today) / HORIZON_DAYS);
    }
    const price = Number.isNaN(p.price) || Number.isNaN(cheapest) ? 0.5 : p.price <= 0 ? 1 : Math.min(1, cheapest / p.price);
    return (wt * transit + ws * size + wr * readiness + wp * price) / total;
  };
}

/** The `limit`-th largest value (or -Infinity when fewer), by a bounded min-heap. */
function kthLargest(values: number[], k: number): number {
  if (values.length < k || k <= 0) return -Infinity;
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const rr = l + 1;
      let m = i;
      if (l < heap.length && heap[l] < heap[m]) m = l;
      if (rr < heap.length && heap[rr] < heap[m]) m = rr;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const v of values) {
    if (heap.length < k) {
      heap.push(v);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (heap[parent] <= heap[i]) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (v > heap[0]) {
      heap[0] = v;
      down(0);
    }
  }
  return heap[0];
}

/**
 * Judges every site of one kind against the hard rules over the pool's in-memory index, and
 * returns what judgeCandidates returns. Returns null when the index kept moving under it
 * (the caller then asks the SQL judge).
 */
export async function judgeInMemory(pool: pg.Pool, kind: CandidateKind, r: MatchRequest, o: JudgeOptions): Promise<KindOutcome | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const s = await currentSnapshot(pool);
    const revision = s.revision.toString();
    const stop = stopRule(r);
    const sites = kind === 'land' ? s.land.sites : s.premises.sites;
    const { counts, passed } = kind === 'land' ? judgeLand(s, r, stop) : judgePremises(s, r, stop, o);

    // rule 3 by KNN for the sites the index cannot answer, in one query
    const asking = passed.filter((p) => p.knn);
    if (asking.length > 0) {
      const { rows } = await pool.query(nearestStopsSql, [kind, asking.map((p) => sites.ids[p.pos]), r.stationModes,
        r.includePlanned, r.neededBy ?? null, r.minDeparturesPerHour ?? null]);
      if (rows.length > 0 && rows[0].revision !== revision) continue;
      const found = new Map<number, { stopId: number | null; distance: number | null }>();
      for (const row of rows) found.set(row.site_id, { stopId: row.stop_id, distance: row.distance });
      for (const p of asking) {
        const f = found.get(sites.ids[p.pos]);
        p.stopId = f?.stopId ?? 0;
        p.distance = f?.distance ?? NaN;
      }
    }

    const maxDistance = r.maxDistanceToStationM;
    const survivors: Passed[] = [];
    for (const p of passed) {
      if (maxDistance !== undefined && (p.stopId === 0 || !(p.distance <= maxDistance))) add(counts, 'tooFarFromTransit');
      else survivors.push(p);
    }
    let cheapest = NaN;
    for (const p of survivors) if (!Number.isNaN(p.price) && !(p.price >= cheapest)) cheapest = p.price;
    const estimate = estimator(kind, r, dayOf(o.today), cheapest);
    const estimates = survivors.map(estimate);
    const cut = kthLargest(estimates, r.limit) - SLACK;
    const top = survivors.filter((_, i) => estimates[i] >= cut);

    const { rows } = await pool.query(candidatesSql, [kind, r.use, r.areas && r.areas.length > 0 ? r.areas : null,
      top.map((p) => sites.ids[p.pos]), top.map((p) => p.ready), top.map((p) => (p.stopId === 0 ? null : p.stopId)),
      top.map((p) => (p.stopId === 0 ? null : p.distance))]);
    if (rows[0].revision !== revision) continue;
    return {
      excluded: Object.fromEntries(counts) as KindOutcome['excluded'],
      cheapest: Number.isNaN(cheapest) ? null : cheapest,
      results: rows[0].results as Candidate[],
    };
  }
  return null;
}
