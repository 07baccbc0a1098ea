// An in-memory, columnar copy of the matching index (0070) for one connection pool, kept at
// the index's revision (0090): a match judges every parcel in a few milliseconds in memory
// instead of scanning the index in SQL, and the database stays the one source of truth. The
// copy is brought up to date before each match by reading only the sites changed since its
// revision (match_index_change), or everything when the log no longer reaches back or a
// change was wholesale (a load). Columns are typed arrays: a million parcels take ~370 MB (tests/bench/RESULTS.md).
import type pg from 'pg';
import { PREMISES_KINDS, STOP_MODES } from '../contract/enums';
import type { DbClient } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { withTransaction } from '../db/transaction';
import { readTextRows, type TextRow } from './snapshot-rows';

const sql = (name: string) => sqlFile(__dirname, name);

/**
 * Stop slots per site: mode in the index's key order (alphabetical), existing before planned,
 * so the first of equally near stops is the one the SQL judge's key-ordered scan finds first.
 */
export const SLOT_MODES = [...STOP_MODES].sort();
export const SLOTS = SLOT_MODES.length * 2;
const slotOf = (mode: string, planned: boolean) => SLOT_MODES.indexOf(mode as (typeof SLOT_MODES)[number]) * 2 + (planned ? 1 : 0);

export const ABSENT = 0;
export const UNAVAILABLE = 1;
export const AVAILABLE = 2;

const num = (x: string | null): number => (x === null ? NaN : Number(x));

function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number, fill: number): T {
  if (a.length >= size) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2, 1024));
  b.set(a);
  b.fill(fill, a.length);
  return b;
}

/** Positions of site ids in the columns; a removed site keeps its position, marked ABSENT. */
class Positions {
  readonly of = new Map<number, number>();
  ids = new Int32Array(0);
  count = 0;
  /** Called with the new count whenever a position is added. */
  constructor(private readonly onGrow: (count: number) => void) {}

  get(id: number): number {
    let pos = this.of.get(id);
    if (pos === undefined) {
      pos = this.count++;
      this.ids = grown(this.ids, this.count, 0);
      this.ids[pos] = id;
      this.of.set(id, pos);
      this.onGrow(this.count);
    }
    return pos;
  }
}

/** Interned area refs: rule 4 compares small integers. */
export class AreaRefs {
  readonly index = new Map<string, number>();
  id(ref: string): number {
    let i = this.index.get(ref);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(ref, i);
    }
    return i;
  }
  ids(json: string | null): number[] {
    return json === null ? [] : (JSON.parse(json) as string[]).map((h) => this.id(h));
  }
}

/** Rule 3's inputs: per site position × slot, the nearest stop (NaN distance: none). */
export class SiteStops {
  distance = new Float64Array(0);
  stopId = new Int32Array(0);
  openingYear = new Float64Array(0);

  ensure(count: number): void {
    this.distance = grown(this.distance, count * SLOTS, NaN);
    this.stopId = grown(this.stopId, count * SLOTS, 0);
    this.openingYear = grown(this.openingYear, count * SLOTS, NaN);
  }
  clear(pos: number): void {
    this.distance.fill(NaN, pos * SLOTS, pos * SLOTS + SLOTS);
  }
  set(pos: number, r: TextRow): void {
    // site_id, mode, planned, stop_id, distance, opening_year
    const i = pos * SLOTS + slotOf(r[1]!, r[2] === 't');
    this.stopId[i] = Number(r[3]);
    this.distance[i] = Number(r[4]);
    this.openingYear[i] = num(r[5]);
  }
}

/** A growable float column. */
class F64 {
  a = new Float64Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) this.a = grown(this.a, this.n + 1, NaN);
    this.a[this.n++] = v;
  }
}

/** Per use: the rule 1 and 6 figures of the parcels the use's zones touch. */
export class UseColumns {
  /** Row of a parcel position, -1 when the use's zones do not touch it. */
  rowOf = new Int32Array(0);
  /** Parcel position of a row (a row is current while rowOf points back to it). */
  posOf = new Int32Array(1024);
  rows = 0;
  readonly readyM2 = new F64();
  readonly progressM2 = new F64();
  /** Days since 1970-01-01; NaN: none. */
  readonly readyDay = new F64();
  readonly readyGfa = new F64();
  readonly readyFootprint = new F64();
  readonly progressGfa = new F64();
  readonly progressFootprint = new F64();

  add(pos: number, r: TextRow): void {
    // use, parcel_id, ready_m2, progress_m2, ready_day, ready_gfa, ready_fp, progress_gfa, progress_fp
    this.rowOf = grown(this.rowOf, pos + 1, -1);
    this.posOf = grown(this.posOf, this.rows + 1, 0);
    this.rowOf[pos] = this.rows;
    this.posOf[this.rows++] = pos;
    this.readyM2.push(Number(r[2]));
    this.progressM2.push(Number(r[3]));
    this.readyDay.push(num(r[4]));
    this.readyGfa.push(num(r[5]));
    this.readyFootprint.push(num(r[6]));
    this.progressGfa.push(num(r[7]));
    this.progressFootprint.push(num(r[8]));
  }
}

/** Counts the judge needs for every request, taken once per refresh. */
export interface LandSummary {
  available: number;
  unavailable: number;
  /** Available parcels per interned area_ref. */
  availableByArea: number[];
  /** Available parcels without an area_ref but with area hits (rule 4 asks their hits). */
  availableWithHits: number[];
}

export class LandColumns {
  readonly sites = new Positions((n) => this.ensure(n));
  /** ABSENT, UNAVAILABLE or AVAILABLE. */
  state = new Uint8Array(0);
  price = new Float64Array(0);
  /** Interned area_ref, -1 when none (then `hits` decides). */
  areaRef = new Int32Array(0);
  hits: Array<number[] | null> = [];
  readonly uses = new Map<string, UseColumns>();
  readonly stops = new SiteStops();
  summary: LandSummary = { available: 0, unavailable: 0, availableByArea: [], availableWithHits: [] };

  private ensure(n: number): void {
    this.state = grown(this.state, n, ABSENT);
    this.price = grown(this.price, n, NaN);
    this.areaRef = grown(this.areaRef, n, -1);
    this.stops.ensure(n);
  }
}

export class PremisesColumns {
  readonly sites = new Positions((n) => this.ensure(n));
  state = new Uint8Array(0);
  confirmedDay = new Float64Array(0);
  /** Index in PREMISES_KINDS. */
  kind = new Uint8Array(0);
  floorArea = new Float64Array(0);
  price = new Float64Array(0);
  availableDay = new Float64Array(0);
  hits: number[][] = [];
  readonly stops = new SiteStops();

  private ensure(n: number): void {
    this.state = grown(this.state, n, ABSENT);
    this.confirmedDay = grown(this.confirmedDay, n, NaN);
    this.kind = grown(this.kind, n, 255);
    this.floorArea = grown(this.floorArea, n, NaN);
    this.price = grown(this.price, n, NaN);
    this.availableDay = grown(this.availableDay, n, NaN);
    this.stops.ensure(n);
  }
}

export interface MatchUse {
  planCodes: string[];
  premisesKinds: string[];
}

export interface Snapshot {
  revision: bigint;
  land: LandColumns;
  premises: PremisesColumns;
  areas: AreaRefs;
  uses: Map<string, MatchUse>;
}

/** Reads the given parcels again (null: every parcel, into empty columns). */
async function readLand(c: DbClient, s: Snapshot, ids: number[] | null): Promise<void> {
  const land = s.land;
  if (ids) {
    // every listed parcel starts absent, without uses or stops; the rows read put it back
    for (const id of ids) {
      const pos = land.sites.get(id);
      land.state[pos] = ABSENT;
      for (const u of land.uses.values()) if (pos < u.rowOf.length) u.rowOf[pos] = -1;
      land.stops.clear(pos);
    }
  }
  await readTextRows(c, ids ? sql('snapshot-by-id-land-sites.sql') : sql('snapshot-all-land-sites.sql'), ids && [ids], (r) => {
    // parcel_id, available, price, area_ref, area_hits
    const pos = land.sites.get(Number(r[0]));
    land.state[pos] = r[1] === 't' ? AVAILABLE : UNAVAILABLE;
    land.price[pos] = num(r[2]);
    land.areaRef[pos] = r[3] === null ? -1 : s.areas.id(r[3]);
    const hits = r[3] === null ? s.areas.ids(r[4]) : [];
    land.hits[pos] = hits.length > 0 ? hits : null;
  });
  await readTextRows(c, ids ? sql('snapshot-by-id-land-uses.sql') : sql('snapshot-all-land-uses.sql'), ids && [ids], (r) => {
    let u = land.uses.get(r[0]!);
    if (!u) land.uses.set(r[0]!, (u = new UseColumns()));
    u.add(land.sites.get(Number(r[1])), r);
  });
  await readTextRows(c, ids ? sql('snapshot-by-id-stops.sql') : sql('snapshot-all-land-stops.sql'), ids && ['land', ids], (r) => {
    // a stop row of a parcel the index does not list is never asked for
    const pos = land.sites.of.get(Number(r[0]));
    if (pos !== undefined) land.stops.set(pos, r);
  });
}

/** Reads the given listings again (null: every listing, into empty columns). */
async function readPremises(c: DbClient, s: Snapshot, ids: number[] | null): Promise<void> {
  const p = s.premises;
  if (ids) {
    for (const id of ids) {
      const pos = p.sites.get(id);
      p.state[pos] = ABSENT;
      p.stops.clear(pos);
    }
  }
  await readTextRows(c, ids ? sql('snapshot-by-id-premises.sql') : sql('snapshot-all-premises.sql'), ids && [ids], (r) => {
    // id, available, confirmed_day, kind, floor_area, price, available_day, area_hits
    const pos = p.sites.get(Number(r[0]));
    p.state[pos] = r[1] === 't' ? AVAILABLE : UNAVAILABLE;
    p.confirmedDay[pos] = num(r[2]);
    p.kind[pos] = PREMISES_KINDS.indexOf(r[3] as (typeof PREMISES_KINDS)[number]);
    p.floorArea[pos] = Number(r[4]);
    p.price[pos] = num(r[5]);
    p.availableDay[pos] = num(r[6]);
    p.hits[pos] = s.areas.ids(r[7]);
  });
  await readTextRows(c, ids ? sql('snapshot-by-id-stops.sql') : sql('snapshot-all-premises-stops.sql'), ids && ['premises', ids], (r) => {
    const pos = p.sites.of.get(Number(r[0]));
    if (pos !== undefined) p.stops.set(pos, r);
  });
}

async function readUses(c: DbClient, s: Snapshot): Promise<void> {
  const rows = await c.query(sql('snapshot-uses.sql'));
  s.uses.clear();
  for (const r of rows.rows) s.uses.set(r.use, { planCodes: r.plan_codes, premisesKinds: r.premises_kinds });
}

function summarise(land: LandColumns, areas: AreaRefs): LandSummary {
  const sum: LandSummary = { available: 0, unavailable: 0, availableByArea: new Array(areas.index.size).fill(0), availableWithHits: [] };
  for (let pos = 0; pos < land.sites.count; pos++) {
    const state = land.state[pos];
    if (state === UNAVAILABLE) sum.unavailable++;
    if (state !== AVAILABLE) continue;
    sum.available++;
    if (land.areaRef[pos] >= 0) sum.availableByArea[land.areaRef[pos]]++;
    else if (land.hits[pos]) sum.availableWithHits.push(pos);
  }
  return sum;
}

function emptySnapshot(): Snapshot {
  return { revision: 0n, land: new LandColumns(), premises: new PremisesColumns(), areas: new AreaRefs(), uses: new Map() };
}

/** How a pool's snapshot has been read so far (for tests and the bench): a full load reads at least one kind whole. */
export interface SnapshotStats {
  fullLoads: number;
  incrementalLoads: number;
  revision: string | null;
  lastLoadMs: number | null;
}

/**
 * Brings `current` to the index's revision in one repeatable-read transaction. An incremental
 * read updates the columns in place; a whole read builds new ones, so a match running on the
 * old snapshot meanwhile keeps a consistent view (memory-judge.ts checks revisions anyway).
 */
async function refresh(pool: pg.Pool, current: Snapshot | null, stats: SnapshotStats): Promise<Snapshot> {
  // the common case, nothing changed, in one round trip rather than a transaction's four
  if (current && BigInt((await pool.query(sql('snapshot-state.sql'))).rows[0].revision) === current.revision) return current;
  const start = performance.now();
  const s = await withTransaction(pool, async (c) => {
    // one snapshot of the database for the revision and every row read with it
    await c.query('set transaction isolation level repeatable read, read only');
    const state = (await c.query(sql('snapshot-state.sql'))).rows[0];
    const revision = BigInt(state.revision);
    if (current && current.revision === revision) return current;
    let next: Snapshot;
    if (!current || current.revision < BigInt(state.pruned_through)) {
      next = emptySnapshot();
      stats.fullLoads++;
      await readLand(c, next, null);
      await readPremises(c, next, null);
    } else {
      const changes = (await c.query(sql('snapshot-changes.sql'), [current.revision.toString()])).rows;
      const land = changes.filter((r) => r.site_kind === 'land');
      const premises = changes.filter((r) => r.site_kind === 'premises');
      // a wholesale change (a load, a use table edit) is read again whole, into new columns
      const wholeLand = land.some((r) => r.site_id === null);
      const wholePremises = premises.some((r) => r.site_id === null);
      if (wholeLand || wholePremises) stats.fullLoads++;
      else stats.incrementalLoads++;
      next = { ...current, land: wholeLand ? new LandColumns() : current.land, premises: wholePremises ? new PremisesColumns() : current.premises };
      if (wholeLand) await readLand(c, next, null);
      else if (land.length > 0) await readLand(c, next, land.map((r) => r.site_id));
      if (wholePremises) await readPremises(c, next, null);
      else if (premises.length > 0) await readPremises(c, next, premises.map((r) => r.site_id));
    }
    await readUses(c, next);
    next.land.summary = summarise(next.land, next.areas);
    next.revision = revision;
    return next;
  });
  if (s !== current) stats.lastLoadMs = performance.now() - start;
  return s;
}

interface PoolSnapshot {
  snapshot: Snapshot | null;
  pending: Promise<Snapshot> | null;
  stats: SnapshotStats;
}

const byPool = new WeakMap<pg.Pool, PoolSnapshot>();

function entryOf(pool: pg.Pool): PoolSnapshot {
  let entry = byPool.get(pool);
  if (!entry) byPool.set(pool, (entry = { snapshot: null, pending: null, stats: { fullLoads: 0, incrementalLoads: 0, revision: null, lastLoadMs: null } }));
  return entry;
}

/**
 * The pool's snapshot at the index's current revision. Concurrent callers share one refresh.
 * With `waitMs`, null when the refresh takes longer (a whole read of a large index after a
 * load): the refresh goes on, and the caller judges in SQL meanwhile.
 */
export async function currentSnapshot(pool: pg.Pool, waitMs = Infinity): Promise<Snapshot | null> {
  const e = entryOf(pool);
  if (!e.pending) {
    e.pending = refresh(pool, e.snapshot, e.stats)
      .then((s) => {
        e.stats.revision = s.revision.toString();
        return (e.snapshot = s);
      })
      .finally(() => {
        e.pending = null;
      });
    // a caller that stopped waiting must not leave the failure unheard
    e.pending.catch(() => undefined);
  }
  if (waitMs === Infinity) return e.pending;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  try {
    return await Promise.race([e.pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function snapshotStats(pool: pg.Pool): SnapshotStats {
  return { ...entryOf(pool).stats };
}
