// The hard rules of matching (docs/design.md, Matching) over the in-memory copy of the matching
// index (snapshot.ts), exactly as land-candidates.sql and premises-candidates.sql apply them
// over the index in SQL: same reasons in the same order, same nearest stop, same pre-selection
// of the survivors that can rank. The SQL judge remains the reference (and serves
// transactions); tests/api/match-memory-exact.test.ts compares the two on random worlds.
import type pg from 'pg';
import { sqlFile } from '../db/sql-file';
import type { ExclusionReason, MatchRequest } from '../contract';
import { PREMISES_KINDS } from '../contract/enums';
import { effectiveWeights } from './ranking';
import type { Candidate, CandidateKind, JudgeOptions, KindOutcome } from './repository';
import * as snapshot from './snapshot';
import { SLOT_MODES, currentSnapshot, type SiteStops, type Snapshot } from './snapshot';

// Plain constants: an imported binding compiles to a getter call on every read of a hot loop.
const AVAILABLE = snapshot.AVAILABLE;
const UNAVAILABLE = snapshot.UNAVAILABLE;
const SLOTS = snapshot.SLOTS;

const nearestStopsSql = sqlFile(__dirname, 'memory-nearest-stops.sql');
const plannedStopsSql = sqlFile(__dirname, 'memory-planned-stops.sql');
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
/** How long a match waits for the snapshot before judging in SQL (a whole read of a million parcels takes seconds). */
const SNAPSHOT_WAIT_MS = 1500;

/**
 * The sites that passed rules 1, 2, 4 and 6, as columns (a million-parcel match passes
 * hundreds of thousands: no object per site).
 */
class Passed {
  n = 0;
  readonly capacity: number;
  readonly pos: Int32Array;
  readonly ready: Uint8Array;
  readonly usable: Float64Array;
  /** Land: ready date (days) when in progress; premises: available-from day. NaN: none. */
  readonly day: Float64Array;
  readonly price: Float64Array;
  /** 0: no stop. */
  readonly stopId: Int32Array;
  readonly distance: Float64Array;
  /** Rule 3 needs the KNN (a frequency bound). */
  readonly knn: Uint8Array;
  /** Rule 3 needs the nearest planned stops that open in time (the index's nearest opens later). */
  readonly hidden: Uint8Array;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.pos = new Int32Array(capacity);
    this.ready = new Uint8Array(capacity);
    this.usable = new Float64Array(capacity);
    this.day = new Float64Array(capacity);
    this.price = new Float64Array(capacity);
    this.stopId = new Int32Array(capacity);
    this.distance = new Float64Array(capacity);
    this.knn = new Uint8Array(capacity);
    this.hidden = new Uint8Array(capacity);
  }

  add(pos: number, ready: boolean, usable: number, day: number, price: number): number {
    const i = this.n++;
    this.pos[i] = pos;
    this.ready[i] = ready ? 1 : 0;
    this.usable[i] = usable;
    this.day[i] = day;
    this.price[i] = price;
    return i;
  }
}

// One spare set of buffers, reused by the next judgement that finds it free: a million-parcel
// match would otherwise allocate (and the collector reclaim) ~10 MB per request.
let spare: Passed | null = null;

function takePassed(capacity: number): Passed {
  const p = spare && spare.capacity >= capacity ? spare : new Passed(Math.max(capacity, 1024));
  if (p === spare) spare = null;
  p.n = 0;
  return p;
}

function giveBack(p: Passed): void {
  if (!spare || spare.capacity < p.capacity) spare = p;
}

interface Judgement {
  counts: Map<ExclusionReason, number>;
  passed: Passed;
}

interface StopRule {
  slots: Int32Array;
  includePlanned: boolean;
  neededYear: number;
  knnAlways: boolean;
  /** A planned stop may hide another (see nearestStop). */
  mayHide: boolean;
}

function stopRule(r: MatchRequest): StopRule {
  const modes = new Set<string>(r.stationModes);
  const slots: number[] = [];
  const neededYear = r.neededBy ? Number(r.neededBy.slice(0, 4)) : NaN;
  const knnAlways = r.minDeparturesPerHour !== undefined;
  // without includePlanned and a neededBy year no planned stop counts: its slots are not read
  const plannedMayCount = r.includePlanned || !Number.isNaN(neededYear);
  SLOT_MODES.forEach((m, i) => {
    if (modes.has(m)) slots.push(...(plannedMayCount ? [i * 2, i * 2 + 1] : [i * 2]));
  });
  return {
    slots: Int32Array.from(slots),
    includePlanned: r.includePlanned,
    neededYear,
    knnAlways,
    // A nearer planned stop that does not count may hide a farther planned one that does; the
    // index keeps only the nearest per mode, so such a site asks the KNN. Without a neededBy
    // year (and without includePlanned) no planned stop counts, and nothing can be hidden.
    mayHide: !knnAlways && !r.includePlanned && !Number.isNaN(neededYear),
  };
}

/**
 * Rule 3 for passed site i when a planned stop may be hidden: the nearest of the requested
 * modes' existing stops (index) and planned stops opening by the year (`planned`, by KNN), in
 * slot order, the first of equally near ones kept.
 */
function nearestInTime(stops: SiteStops, p: Passed, i: number, rule: StopRule, planned: Array<{ slot: number; stopId: number; distance: number }>): void {
  const base = p.pos[i] * SLOTS;
  let bestStop = 0;
  let bestDistance = Infinity;
  for (let k = 0; k < rule.slots.length; k++) {
    const slot = rule.slots[k];
    let d = NaN;
    let id = 0;
    if ((slot & 1) === 0) {
      d = stops.distance[base + slot];
      id = stops.stopId[base + slot];
    } else {
      const hit = planned.find((x) => x.slot === slot);
      if (hit) {
        d = hit.distance;
        id = hit.stopId;
      }
    }
    if (d < bestDistance) {
      bestDistance = d;
      bestStop = id;
    }
  }
  p.stopId[i] = bestStop;
  p.distance[i] = bestStop === 0 ? NaN : bestDistance;
}

/** Rule 3 from the index for passed site i: the nearest stop that counts, or the mark that the KNN must answer. */
function nearestStop(stops: SiteStops, pos: number, rule: StopRule, p: Passed, i: number): void {
  const base = pos * SLOTS;
  const distance = stops.distance;
  let best = -1;
  let bestDistance = Infinity;
  // slots in index key order: existing before planned within a mode, modes alphabetical
  const slots = rule.slots;
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k];
    const j = base + slot;
    const d = distance[j];
    // NaN (no stop) fails the comparison; a planned stop counts with includePlanned or by its year
    if (d < bestDistance && ((slot & 1) === 0 || rule.includePlanned || stops.openingYear[j] <= rule.neededYear)) {
      best = j;
      bestDistance = d;
    }
  }
  let hidden = false;
  if (rule.mayHide) {
    for (let k = 1; k < slots.length; k += 2) {
      const j = base + slots[k];
      const d = distance[j];
      // NaN comparisons are false, as the SQL's coalesce(opening_year <= year, false)
      if (!Number.isNaN(d) && !(stops.openingYear[j] <= rule.neededYear) && (best < 0 || d < bestDistance)) hidden = true;
    }
  }
  p.knn[i] = rule.knnAlways ? 1 : 0;
  p.hidden[i] = hidden ? 1 : 0;
  p.stopId[i] = best < 0 ? 0 : stops.stopId[best];
  p.distance[i] = best < 0 ? NaN : bestDistance;
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

/** Exclusion counters in EXCLUSION_REASONS' order. */
const REASON = { outsideAreas: 0, wrongUse: 1, tooSmall: 2, tooLarge: 3, tooLittleBuildingRight: 4, notReadyInTime: 5, notAvailable: 6, tooFarFromTransit: 7 } as const;
type Counted = keyof typeof REASON;

function countsOf(n: Int32Array): Map<ExclusionReason, number> {
  const counts = new Map<ExclusionReason, number>();
  for (const [reason, i] of Object.entries(REASON)) if (n[i] > 0) counts.set(reason as Counted, n[i]);
  return counts;
}

/**
 * Rules 2, 4, 1 and 6 for every parcel, in the SQL judge's order of reasons. Only the use's
 * rows are walked: notAvailable, outsideAreas and wrongUse follow from the snapshot's counts.
 */
function judgeLand(s: Snapshot, r: MatchRequest, stop: StopRule): Judgement {
  const land = s.land;
  const sum = land.summary;
  const n = new Int32Array(8);
  const wanted = wantedAreas(s, r);
  let inWanted = sum.available;
  if (wanted) {
    inWanted = 0;
    for (let a = 0; a < sum.availableByArea.length; a++) if (wanted[a] === 1) inWanted += sum.availableByArea[a];
    for (const pos of sum.availableWithHits) if (inAreas(-1, land.hits[pos], wanted)) inWanted++;
  }
  const u = land.uses.get(r.use);
  const rows = u ? u.rows : 0;
  const passed = takePassed(rows);
  const min = r.minAreaM2;
  const max = r.maxAreaM2 ?? Infinity;
  const gfaMin = r.minGrossFloorAreaM2 ?? -Infinity;
  const fpMin = r.minBuildingFootprintM2 ?? -Infinity;
  const neededDay = r.neededBy ? dayOf(r.neededBy) : NaN;
  let withUse = 0;
  if (u) {
    const { rowOf, posOf } = u;
    const readyM2s = u.readyM2.a;
    const progressM2s = u.progressM2.a;
    const state = land.state;
    for (let row = 0; row < rows; row++) {
      const pos = posOf[row];
      // a row replaced by a later refresh, or a parcel not for sale
      if (rowOf[pos] !== row || state[pos] !== AVAILABLE) continue;
      if (wanted && !inAreas(land.areaRef[pos], land.hits[pos], wanted)) continue;
      withUse++;
      const readyM2 = readyM2s[row];
      const progressM2 = progressM2s[row];
      const ready = readyM2 >= min;
      if (ready) {
        if (readyM2 > max) {
          n[REASON.tooLarge]++;
          continue;
        }
      } else if (progressM2 < min) {
        n[REASON.tooSmall]++;
        continue;
      } else if (progressM2 > max) {
        n[REASON.tooLarge]++;
        continue;
      }
      // rule 6: a known building right below the bound; an unknown one (NaN) passes
      if ((ready ? u.readyGfa.a[row] : u.progressGfa.a[row]) < gfaMin
        || (ready ? u.readyFootprint.a[row] : u.progressFootprint.a[row]) < fpMin) {
        n[REASON.tooLittleBuildingRight]++;
        continue;
      }
      const readyDay = u.readyDay.a[row];
      if (!ready && !Number.isNaN(neededDay) && !(readyDay <= neededDay)) {
        n[REASON.notReadyInTime]++;
        continue;
      }
      const i = passed.add(pos, ready, ready ? readyM2 : progressM2, ready ? NaN : readyDay, land.price[pos]);
      nearestStop(land.stops, pos, stop, passed, i);
    }
  }
  n[REASON.notAvailable] = sum.unavailable;
  n[REASON.outsideAreas] = sum.available - inWanted;
  n[REASON.wrongUse] = inWanted - withUse;
  return { counts: countsOf(n), passed };
}

/** Rules 2, 4 and 1 (the kind) for every listing, in the SQL judge's order of reasons. */
function judgePremises(s: Snapshot, r: MatchRequest, stop: StopRule, o: JudgeOptions): Judgement {
  const p = s.premises;
  const n = new Int32Array(8);
  const passed = takePassed(p.sites.count);
  const wanted = wantedAreas(s, r);
  const kinds = new Uint8Array(PREMISES_KINDS.length);
  for (const k of s.uses.get(r.use)?.premisesKinds ?? []) kinds[PREMISES_KINDS.indexOf(k as never)] = 1;
  const staleBefore = dayOf(o.today) - o.staleAfterDays;
  const max = r.maxAreaM2 ?? Infinity;
  const neededDay = r.neededBy ? dayOf(r.neededBy) : NaN;
  for (let pos = 0; pos < p.sites.count; pos++) {
    const state = p.state[pos];
    if (state === UNAVAILABLE || (state === AVAILABLE && p.confirmedDay[pos] < staleBefore)) {
      n[REASON.notAvailable]++;
      continue;
    }
    if (state !== AVAILABLE) continue;
    if (wanted && !inAreas(-1, p.hits[pos], wanted)) {
      n[REASON.outsideAreas]++;
      continue;
    }
    if (kinds[p.kind[pos]] !== 1) {
      n[REASON.wrongUse]++;
      continue;
    }
    const floor = p.floorArea[pos];
    if (floor < r.minAreaM2) {
      n[REASON.tooSmall]++;
      continue;
    }
    if (floor > max) {
      n[REASON.tooLarge]++;
      continue;
    }
    const day = p.availableDay[pos];
    if (day > neededDay) {
      n[REASON.notReadyInTime]++;
      continue;
    }
    const i = passed.add(pos, true, floor, day, p.price[pos]);
    nearestStop(p.stops, pos, stop, passed, i);
  }
  return { counts: countsOf(n), passed };
}

/** The pre-selection's estimate of each survivor's score (the SQL judge's `estimate`); NaN for the rest. */
function estimates(kind: CandidateKind, r: MatchRequest, today: number, cheapest: number, p: Passed, survives: Uint8Array): Float64Array {
  const w = effectiveWeights(r);
  // divided by the largest weight first: tiny or huge weights neither underflow nor overflow
  const top = Math.max(w.transit, w.size, w.readiness, w.price);
  const wt = w.transit / top;
  const ws = w.size / top;
  const wr = w.readiness / top;
  const wp = w.price / top;
  const total = wt + ws + wr + wp;
  const reach = r.maxDistanceToStationM ?? TRANSIT_REACH_M;
  const out = new Float64Array(p.n).fill(NaN);
  for (let i = 0; i < p.n; i++) {
    if (survives[i] === 0) continue;
    const d = round1(p.distance[i]);
    const transit = p.stopId[i] === 0 ? 0 : reach > 0 ? clamp01(1 - d / reach) : d <= 0 ? 1 : 0;
    const usable = round1(p.usable[i]);
    const size = usable > 0 ? Math.min(1, r.minAreaM2 / usable) : 0;
    const day = p.day[i];
    let readiness: number;
    if (kind === 'land') {
      readiness = p.ready[i] === 1 ? 1 : Number.isNaN(day) ? 0.1 : 0.2 + 0.4 * clamp01(1 - Math.max(0, day - today) / HORIZON_DAYS);
    } else {
      readiness = Number.isNaN(day) || day <= today ? 1 : 0.6 + 0.4 * clamp01(1 - (day - today) / HORIZON_DAYS);
    }
    const price = p.price[i];
    const priceScore = Number.isNaN(price) || Number.isNaN(cheapest) ? 0.5 : price <= 0 ? 1 : Math.min(1, cheapest / price);
    out[i] = (wt * transit + ws * size + wr * readiness + wp * priceScore) / total;
  }
  return out;
}

/** The k-th largest of the values that are not NaN (-Infinity when fewer), by a bounded min-heap. */
function kthLargest(values: Float64Array, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (let v = 0; v < values.length; v++) {
    const x = values[v];
    if (Number.isNaN(x)) continue;
    if (size < k) {
      let i = size++;
      heap[i] = x;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent] <= heap[i]) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (x > heap[0]) {
      heap[0] = x;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const rr = l + 1;
        let m = i;
        if (l < size && heap[l] < heap[m]) m = l;
        if (rr < size && heap[rr] < heap[m]) m = rr;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
  }
  return size < k || k <= 0 ? -Infinity : heap[0];
}

/** One kind judged over the snapshot up to the pre-selection's estimates (NaN: not a survivor). */
interface Survivors {
  counts: Map<ExclusionReason, number>;
  p: Passed;
  est: Float64Array;
  /** NaN: no survivor states a price. */
  cheapest: number;
}

/**
 * Rules 1–6 for one kind over snapshot `s`, rule 3's stops asked where the index cannot answer,
 * and each survivor's estimated score. 'moved' when the index's revision moved under it. The
 * caller gives `p` back (giveBack) once done with it.
 */
async function judgeSurvivors(pool: pg.Pool, s: Snapshot, kind: CandidateKind, r: MatchRequest, o: JudgeOptions): Promise<Survivors | 'moved'> {
  const revision = s.revision.toString();
  const stop = stopRule(r);
  const sites = kind === 'land' ? s.land.sites : s.premises.sites;
  const { counts, passed: p } = kind === 'land' ? judgeLand(s, r, stop) : judgePremises(s, r, stop, o);
  let handedOver = false;
  try {
    // rule 3 for a site whose nearest planned stop opens too late: the nearest per mode that
    // opens in time, against the existing stops the index holds (the same order of slots)
    const hiding: number[] = [];
    for (let i = 0; i < p.n; i++) if (p.hidden[i] === 1) hiding.push(i);
    if (hiding.length > 0) {
      const { rows } = await pool.query(plannedStopsSql, [kind, hiding.map((i) => sites.ids[p.pos[i]]), r.stationModes, stop.neededYear]);
      if (rows.length > 0 && rows[0].revision !== revision) return 'moved';
      const planned = new Map<number, Array<{ slot: number; stopId: number; distance: number }>>();
      for (const row of rows) {
        const list = planned.get(row.site_id) ?? [];
        list.push({ slot: SLOT_MODES.indexOf(row.mode) * 2 + 1, stopId: row.stop_id, distance: row.distance });
        planned.set(row.site_id, list);
      }
      const stops = kind === 'land' ? s.land.stops : s.premises.stops;
      for (const i of hiding) nearestInTime(stops, p, i, stop, planned.get(sites.ids[p.pos[i]]) ?? []);
    }

    // rule 3 by KNN for the sites the index cannot answer, in one query
    const asking: number[] = [];
    for (let i = 0; i < p.n; i++) if (p.knn[i] === 1) asking.push(i);
    if (asking.length > 0) {
      const { rows } = await pool.query(nearestStopsSql, [kind, asking.map((i) => sites.ids[p.pos[i]]), r.stationModes,
        r.includePlanned, r.neededBy ?? null, r.minDeparturesPerHour ?? null]);
      if (rows.length > 0 && rows[0].revision !== revision) return 'moved';
      const found = new Map<number, { stopId: number | null; distance: number | null }>();
      for (const row of rows) found.set(row.site_id, { stopId: row.stop_id, distance: row.distance });
      for (const i of asking) {
        const f = found.get(sites.ids[p.pos[i]]);
        p.stopId[i] = f?.stopId ?? 0;
        p.distance[i] = f?.distance ?? NaN;
      }
    }

    const maxDistance = r.maxDistanceToStationM;
    const survives = new Uint8Array(p.n);
    let tooFar = 0;
    let cheapest = NaN;
    for (let i = 0; i < p.n; i++) {
      if (maxDistance !== undefined && (p.stopId[i] === 0 || !(p.distance[i] <= maxDistance))) {
        tooFar++;
        continue;
      }
      survives[i] = 1;
      const price = p.price[i];
      if (!Number.isNaN(price) && !(price >= cheapest)) cheapest = price;
    }
    if (tooFar > 0) counts.set('tooFarFromTransit', tooFar);
    handedOver = true;
    return { counts, p, est: estimates(kind, r, dayOf(o.today), cheapest, p, survives), cheapest };
  } finally {
    if (!handedOver) giveBack(p);
  }
}

/**
 * Judges every site of one kind against the hard rules over the pool's in-memory index, and
 * returns what judgeCandidates returns. Returns null when the snapshot is still being read or
 * the index kept moving under it (the caller then asks the SQL judge).
 */
export async function judgeInMemory(pool: pg.Pool, kind: CandidateKind, r: MatchRequest, o: JudgeOptions): Promise<KindOutcome | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const s = await currentSnapshot(pool, SNAPSHOT_WAIT_MS);
    if (!s) return null;
    const judged = await judgeSurvivors(pool, s, kind, r, o);
    if (judged === 'moved') continue;
    const { counts, p, est, cheapest } = judged;
    try {
      const sites = kind === 'land' ? s.land.sites : s.premises.sites;
      const cut = kthLargest(est, r.limit) - SLACK;
      const top: number[] = [];
      for (let i = 0; i < p.n; i++) if (est[i] >= cut) top.push(i);
      const { rows } = await pool.query(candidatesSql, [kind, r.use, r.areas && r.areas.length > 0 ? r.areas : null,
        top.map((i) => sites.ids[p.pos[i]]), top.map((i) => p.ready[i] === 1), top.map((i) => (p.stopId[i] === 0 ? null : p.stopId[i])),
        top.map((i) => (p.stopId[i] === 0 ? null : p.distance[i])), !o.lite]);
      if (rows[0].revision !== s.revision.toString()) continue;
      return {
        excluded: Object.fromEntries(counts) as KindOutcome['excluded'],
        cheapest: Number.isNaN(cheapest) ? null : cheapest,
        results: rows[0].results as Candidate[],
      };
    } finally {
      giveBack(p);
    }
  }
  return null;
}

/**
 * Whether a request has a `ready` site among its first `r.limit` ranked results, told from
 * the estimates alone when they settle it (no result is built), with the exclusion counts of
 * the kinds `need` names. `met` true: some ready survivor has fewer than `limit` others within
 * the estimates' slack of it or above, so it ranks within the limit; false: no survivor is
 * ready. Null when the estimates cannot tell, or the snapshot is not at hand (ask runMatch).
 */
export async function readyAmongTopInMemory(pool: pg.Pool, r: MatchRequest, o: JudgeOptions): Promise<{ excluded: KindOutcome['excluded']; met: boolean } | null> {
  const kinds: CandidateKind[] = r.need === 'any' ? ['land', 'premises'] : [r.need];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const s = await currentSnapshot(pool, SNAPSHOT_WAIT_MS);
    if (!s) return null;
    const judged: Survivors[] = [];
    try {
      let moved = false;
      for (const kind of kinds) {
        const j = await judgeSurvivors(pool, s, kind, r, o);
        if (j === 'moved') {
          moved = true;
          break;
        }
        judged.push(j);
      }
      if (moved) continue;
      const excluded: Partial<Record<ExclusionReason, number>> = {};
      for (const j of judged) for (const [reason, n] of j.counts) excluded[reason] = (excluded[reason] ?? 0) + n;
      let bestReady = -Infinity;
      for (const j of judged) {
        for (let i = 0; i < j.p.n; i++) if (j.p.ready[i] === 1 && j.est[i] > bestReady) bestReady = j.est[i];
      }
      if (bestReady === -Infinity) return { excluded, met: false };
      let near = 0;
      for (const j of judged) for (let i = 0; i < j.p.n; i++) if (j.est[i] >= bestReady - SLACK) near++;
      // `near` counts the best ready survivor itself
      return near <= r.limit ? { excluded, met: true } : null;
    } finally {
      for (const j of judged) giveBack(j.p);
    }
  }
  return null;
}
