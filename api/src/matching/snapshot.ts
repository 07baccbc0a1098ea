// An in-memory, columnar copy of the matching index (0070) for one connection pool, kept at
// the index's revision (0090): a match judges every parcel in a few milliseconds in memory
// instead of scanning the index in SQL, and the database stays the one source of truth. The
// copy is brought up to date before each match by reading only the sites changed since its
// revision (match_index_change), or everything when the log no longer reaches back.
import type pg from 'pg';
import type { DbClient } from '../db/pool';
import { STOP_MODES } from '../contract/enums';
import { sqlFile } from '../db/sql-file';
import { withTransaction } from '../db/transaction';

const stateSql = sqlFile(__dirname, 'snapshot-state.sql');
const changesSql = sqlFile(__dirname, 'snapshot-changes.sql');
const landSitesSql = sqlFile(__dirname, 'snapshot-land-sites.sql');
const landUsesSql = sqlFile(__dirname, 'snapshot-land-uses.sql');
const stopsSql = sqlFile(__dirname, 'snapshot-stops.sql');
const premisesSql = sqlFile(__dirname, 'snapshot-premises.sql');
const usesSql = sqlFile(__dirname, 'snapshot-uses.sql');

/**
 * Stop slots per site: mode in the index's key order (alphabetical), existing before planned,
 * so the first of equally near stops is the one the SQL judge's key-ordered scan finds first.
 */
export const SLOT_MODES = [...STOP_MODES].sort();
export const SLOTS = SLOT_MODES.length * 2;
export const slotOf = (mode: string, planned: boolean) => SLOT_MODES.indexOf(mode as (typeof SLOT_MODES)[number]) * 2 + (planned ? 1 : 0);

/** Rule 3's inputs: per site position × slot, the nearest stop (NaN distance: none). */
export class SiteStops {
  distance: number[] = [];
  stopId: number[] = [];
  openingYear: number[] = [];

  clear(pos: number): void {
    for (let s = 0; s < SLOTS; s++) {
      this.distance[pos * SLOTS + s] = NaN;
      this.stopId[pos * SLOTS + s] = 0;
      this.openingYear[pos * SLOTS + s] = NaN;
    }
  }
}

/** Positions of site ids in the columns; a removed site keeps its position, marked absent. */
class Positions {
  readonly of = new Map<number, number>();
  readonly ids: number[] = [];

  get(id: number): number {
    let pos = this.of.get(id);
    if (pos === undefined) {
      pos = this.ids.length;
      this.ids.push(id);
      this.of.set(id, pos);
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
}

/** Per use: the rule 1 and 6 figures of the parcels the use's zones touch. */
export class UseColumns {
  /** Row of a parcel position, -1 when the use's zones do not touch it. */
  rowOf: number[] = [];
  /** Parcel position of a row (a row is current while rowOf points back to it). */
  posOf: number[] = [];
  readyM2: number[] = [];
  progressM2: number[] = [];
  /** Days since 1970-01-01; NaN: none. */
  readyDay: number[] = [];
  readyGfa: number[] = [];
  readyFootprint: number[] = [];
  progressGfa: number[] = [];
  progressFootprint: number[] = [];
}

export const ABSENT = 0;
export const UNAVAILABLE = 1;
export const AVAILABLE = 2;

export class LandColumns {
  readonly sites = new Positions();
  /** ABSENT, UNAVAILABLE or AVAILABLE. */
  state: number[] = [];
  price: number[] = [];
  /** Interned area_ref, -1 when none (then `hits` decides). */
  areaRef: number[] = [];
  hits: Array<number[] | null> = [];
  readonly uses = new Map<string, UseColumns>();
  readonly stops = new SiteStops();
  summary: LandSummary = { available: 0, unavailable: 0, availableByArea: [], availableWithHits: [] };
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

function summarise(land: LandColumns, areas: AreaRefs): LandSummary {
  const sum: LandSummary = { available: 0, unavailable: 0, availableByArea: new Array(areas.index.size).fill(0), availableWithHits: [] };
  const n = land.sites.ids.length;
  for (let pos = 0; pos < n; pos++) {
    const state = land.state[pos];
    if (state === UNAVAILABLE) sum.unavailable++;
    if (state !== AVAILABLE) continue;
    sum.available++;
    if (land.areaRef[pos] >= 0) sum.availableByArea[land.areaRef[pos]]++;
    else if (land.hits[pos]) sum.availableWithHits.push(pos);
  }
  return sum;
}

export class PremisesColumns {
  readonly sites = new Positions();
  state: number[] = [];
  confirmedDay: number[] = [];
  kind: string[] = [];
  floorArea: number[] = [];
  price: number[] = [];
  availableDay: number[] = [];
  hits: number[][] = [];
  readonly stops = new SiteStops();
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

const num = (x: unknown): number => (x === null || x === undefined ? NaN : Number(x));

async function readLand(c: DbClient, s: Snapshot, ids: number[] | null): Promise<void> {
  const land = s.land;
  if (ids) {
    // every listed parcel starts absent and without uses or stops; the rows read put it back
    for (const id of ids) {
      const pos = land.sites.get(id);
      land.state[pos] = ABSENT;
      for (const u of land.uses.values()) if (pos < u.rowOf.length) u.rowOf[pos] = -1;
      land.stops.clear(pos);
    }
  }
  const sites = await c.query({ text: landSitesSql, values: [ids], rowMode: 'array' });
  for (const [id, available, price, areaRef, hits] of sites.rows) {
    const pos = land.sites.get(id);
    land.state[pos] = available ? AVAILABLE : UNAVAILABLE;
    land.price[pos] = num(price);
    land.areaRef[pos] = areaRef === null ? -1 : s.areas.id(areaRef);
    land.hits[pos] = areaRef === null && hits.length > 0 ? (hits as string[]).map((h) => s.areas.id(h)) : null;
  }
  const n = land.sites.ids.length;
  for (let pos = land.state.length; pos < n; pos++) land.state[pos] = ABSENT;
  const uses = await c.query({ text: landUsesSql, values: [ids], rowMode: 'array' });
  for (const [use, id, readyM2, progressM2, readyDay, readyGfa, readyFp, progressGfa, progressFp] of uses.rows) {
    let u = land.uses.get(use);
    if (!u) land.uses.set(use, (u = new UseColumns()));
    const pos = land.sites.get(id);
    while (u.rowOf.length <= pos) u.rowOf.push(-1);
    const row = u.readyM2.length;
    u.rowOf[pos] = row;
    u.posOf.push(pos);
    u.readyM2.push(readyM2);
    u.progressM2.push(progressM2);
    u.readyDay.push(num(readyDay));
    u.readyGfa.push(num(readyGfa));
    u.readyFootprint.push(num(readyFp));
    u.progressGfa.push(num(progressGfa));
    u.progressFootprint.push(num(progressFp));
  }
  await readStops(c, 'land', land.sites, land.stops, ids);
}

async function readPremises(c: DbClient, s: Snapshot, ids: number[] | null): Promise<void> {
  const p = s.premises;
  if (ids) {
    for (const id of ids) {
      const pos = p.sites.get(id);
      p.state[pos] = ABSENT;
      p.stops.clear(pos);
    }
  }
  const rows = await c.query({ text: premisesSql, values: [ids], rowMode: 'array' });
  for (const [id, available, confirmedDay, kind, floorArea, price, availableDay, hits] of rows.rows) {
    const pos = p.sites.get(id);
    p.state[pos] = available ? AVAILABLE : UNAVAILABLE;
    p.confirmedDay[pos] = num(confirmedDay);
    p.kind[pos] = kind;
    p.floorArea[pos] = floorArea;
    p.price[pos] = num(price);
    p.availableDay[pos] = num(availableDay);
    p.hits[pos] = (hits as string[]).map((h) => s.areas.id(h));
  }
  const n = p.sites.ids.length;
  for (let pos = p.state.length; pos < n; pos++) p.state[pos] = ABSENT;
  await readStops(c, 'premises', p.sites, p.stops, ids);
}

async function readStops(c: DbClient, kind: string, sites: Positions, stops: SiteStops, ids: number[] | null): Promise<void> {
  const n = sites.ids.length;
  for (let i = stops.distance.length; i < n * SLOTS; i++) {
    stops.distance[i] = NaN;
    stops.stopId[i] = 0;
    stops.openingYear[i] = NaN;
  }
  const rows = await c.query({ text: stopsSql, values: [kind, ids], rowMode: 'array' });
  for (const [siteId, mode, planned, stopId, distance, openingYear] of rows.rows) {
    const pos = sites.of.get(siteId);
    // a stop row of a site the index no longer lists is never asked for
    if (pos === undefined) continue;
    const i = pos * SLOTS + slotOf(mode, planned);
    stops.distance[i] = distance;
    stops.stopId[i] = stopId;
    stops.openingYear[i] = num(openingYear);
  }
}

async function readUses(c: DbClient, s: Snapshot): Promise<void> {
  const rows = await c.query(usesSql);
  s.uses.clear();
  for (const r of rows.rows) s.uses.set(r.use, { planCodes: r.plan_codes, premisesKinds: r.premises_kinds });
}

function emptySnapshot(): Snapshot {
  return { revision: 0n, land: new LandColumns(), premises: new PremisesColumns(), areas: new AreaRefs(), uses: new Map() };
}

/** Reads the changes since `s.revision` (or everything) in one repeatable-read transaction. */
async function refresh(pool: pg.Pool, current: Snapshot | null, stats: SnapshotStats): Promise<Snapshot> {
  return withTransaction(pool, async (c) => {
    // one snapshot of the database for the revision and every row read with it
    await c.query('set transaction isolation level repeatable read, read only');
    const state = (await c.query(stateSql)).rows[0];
    const revision = BigInt(state.revision);
    let s = current;
    if (s && s.revision === revision) return s;
    if (!s || s.revision < BigInt(state.pruned_through)) {
      s = emptySnapshot();
      stats.fullLoads++;
      await readLand(c, s, null);
      await readPremises(c, s, null);
    } else {
      const changes = (await c.query({ text: changesSql, values: [s.revision.toString()] })).rows;
      const land = changes.filter((r) => r.site_kind === 'land');
      const premises = changes.filter((r) => r.site_kind === 'premises');
      // a wholesale change (a load, a use table edit) is read again whole, into new columns
      const wholeLand = land.some((r) => r.site_id === null);
      const wholePremises = premises.some((r) => r.site_id === null);
      if (wholeLand || wholePremises) stats.fullLoads++;
      else stats.incrementalLoads++;
      const next: Snapshot = { ...s, land: wholeLand ? new LandColumns() : s.land, premises: wholePremises ? new PremisesColumns() : s.premises };
      if (wholeLand) await readLand(c, next, null);
      else if (land.length > 0) await readLand(c, next, land.map((r) => r.site_id));
      if (wholePremises) await readPremises(c, next, null);
      else if (premises.length > 0) await readPremises(c, next, premises.map((r) => r.site_id));
      s = next;
    }
    await readUses(c, s);
    s.land.summary = summarise(s.land, s.areas);
    s.revision = revision;
    return s;
  });
}

interface PoolSnapshot {
  snapshot: Snapshot | null;
  pending: Promise<Snapshot> | null;
  stats: SnapshotStats;
}

/** How a pool's snapshot has been read so far (for tests and the bench): a full load reads at least one kind whole. */
export interface SnapshotStats {
  fullLoads: number;
  incrementalLoads: number;
  revision: string | null;
}

const byPool = new WeakMap<pg.Pool, PoolSnapshot>();

/**
 * The pool's snapshot at the index's current revision. Concurrent callers share one refresh.
 * An incremental refresh updates the columns in place: a match running meanwhile on the same
 * snapshot may see a mixture, so each match checks the revision its details were read at
 * (memory-judge.ts) and judges again when it moved.
 */
export async function currentSnapshot(pool: pg.Pool): Promise<Snapshot> {
  let entry = byPool.get(pool);
  if (!entry) byPool.set(pool, (entry = { snapshot: null, pending: null, stats: { fullLoads: 0, incrementalLoads: 0, revision: null } }));
  const e = entry;
  if (e.pending) return e.pending;
  e.pending = refresh(pool, e.snapshot, e.stats)
    .then((s) => {
      e.stats.revision = s.revision.toString();
      return (e.snapshot = s);
    })
    .finally(() => {
      e.pending = null;
    });
  return e.pending;
}

export function snapshotStats(pool: pg.Pool): SnapshotStats {
  const stats = byPool.get(pool)?.stats;
  return stats ? { ...stats } : { fullLoads: 0, incrementalLoads: 0, revision: null };
}
