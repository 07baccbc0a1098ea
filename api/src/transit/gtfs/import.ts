import type { Db } from '../../db/pool';
import { withTransaction } from '../../db/transaction';
import { sqlFile } from '../../db/sql-file';
import { WGS84 } from '../../geo/crs';
import { loadSource, type LoadSummary } from '../../layers/loader';
import { arraySource } from '../../layers/load/source';
import { referenceWeek } from './calendar';
import { countDepartures, PEAK_HOURS_PER_WEEK, seconds, type TripInfo } from './departures';
import { GtfsError, openFeed, rows, type Feed } from './feed';
import { MODE_RANK, modeOf } from './route-modes';
import type { StopMode } from '../../contract/enums';

const fillMunicipalitySql = sqlFile(__dirname, 'fill-municipality.sql');
const outsideSwedenSql = sqlFile(__dirname, 'outside-sweden.sql');

/** Why each table is needed: the reason a feed without it is refused. */
const REQUIRED: Record<string, string> = {
  'stops.txt': 'the stops and stations to import',
  'routes.txt': 'the route types that give each stop its mode',
  'trips.txt': 'which route and service each trip belongs to',
  'stop_times.txt': 'the departures per hour are counted from it',
};

export interface GtfsSummary {
  feed: string;
  /** The Monday of the reference week (YYYY-MM-DD). */
  referenceWeek: string;
  load: LoadSummary;
  /** Stops and stations left out, by reason. */
  skipped: { notServed: number; onDemandOnly: number; otherModesOnly: number; outsideSweden: number };
}

export interface GtfsOptions {
  /** The Monday of the reference week (YYYY-MM-DD); default: the feed's first full weekday week. */
  week?: string;
}

function refuseMissing(feed: Feed): void {
  for (const [table, why] of Object.entries(REQUIRED)) {
    if (!feed.has(table)) throw new GtfsError(table, `missing from the feed; it is required: ${why}`);
  }
  if (!feed.has('calendar.txt') && !feed.has('calendar_dates.txt')) {
    throw new GtfsError('calendar_dates.txt', 'missing, and so is calendar.txt: one of them is required to know which days trips run');
  }
}

async function readRouteModes(feed: Feed): Promise<Map<string, TripInfo['mode']>> {
  const modes = new Map<string, TripInfo['mode']>();
  for await (const r of rows(feed, 'routes.txt', ['route_id', 'route_type'])) {
    const type = Number(r.get('route_type'));
    if (!Number.isInteger(type) || r.get('route_type') === '') throw new GtfsError('routes.txt', `line ${r.line}: route_type '${r.get('route_type')}' is not a number`);
    modes.set(r.get('route_id'), modeOf(type));
  }
  return modes;
}

async function readTrips(feed: Feed, routeModes: Map<string, TripInfo['mode']>): Promise<Map<string, TripInfo>> {
  const trips = new Map<string, TripInfo>();
  for await (const r of rows(feed, 'trips.txt', ['route_id', 'service_id', 'trip_id'])) {
    const mode = routeModes.get(r.get('route_id'));
    if (mode === undefined) throw new GtfsError('trips.txt', `line ${r.line}: route_id '${r.get('route_id')}' is not in routes.txt`);
    trips.set(r.get('trip_id'), { service: r.get('service_id'), mode });
  }
  return trips;
}

interface StopRow { id: string; name: string; lon: number; lat: number }

/**
 * stops.txt: the Etablera stop of each stop point. Where the feed has parent stations
 * (GTFS Regional), the station is the Etablera stop and its platforms' departures are
 * summed; a stop without a parent is its own. Entrances and nodes (location_type 2–4) are
 * not stops.
 */
/** frequencies.txt: headway-based trips run from start_time until before end_time, every headway_secs. */
async function readFrequencies(feed: Feed, trips: Map<string, TripInfo>): Promise<void> {
  if (!feed.has('frequencies.txt')) return;
  for await (const r of rows(feed, 'frequencies.txt', ['trip_id', 'start_time', 'end_time', 'headway_secs'])) {
    const trip = trips.get(r.get('trip_id'));
    if (!trip) throw new GtfsError('frequencies.txt', `line ${r.line}: trip_id '${r.get('trip_id')}' is not in trips.txt`);
    const headway = Number(r.get('headway_secs'));
    if (!Number.isInteger(headway) || headway <= 0) throw new GtfsError('frequencies.txt', `line ${r.line}: headway_secs '${r.get('headway_secs')}' is not a positive integer`);
    const window = { start: seconds(r.line, r.get('start_time'), 'frequencies.txt'), end: seconds(r.line, r.get('end_time'), 'frequencies.txt'), headway };
    (trip.frequencies ??= []).push(window);
  }
}

async function readStops(feed: Feed): Promise<{ key: Map<string, string>; info: Map<string, StopRow> }> {
  const info = new Map<string, StopRow>();
  const parent = new Map<string, string>();
  const stations = new Set<string>();
  for await (const r of rows(feed, 'stops.txt', ['stop_id'])) {
    const id = r.get('stop_id');
    const type = r.get('location_type') || '0';
    if (type === '1') stations.add(id);
    else if (type !== '0') continue;
    if (r.get('parent_station')) parent.set(id, r.get('parent_station'));
    const lat = Number(r.get('stop_lat'));
    const lon = Number(r.get('stop_lon'));
    if (r.get('stop_lat') === '' || r.get('stop_lon') === '' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      throw new GtfsError('stops.txt', `line ${r.line}: stop '${id}' has no valid stop_lat/stop_lon`);
    }
    info.set(id, { id, name: r.get('stop_name') || id, lon, lat });
  }
  const key = new Map<string, string>();
  for (const id of info.keys()) {
    if (stations.has(id)) continue;
    const p = parent.get(id);
    if (p !== undefined && !stations.has(p)) throw new GtfsError('stops.txt', `stop '${id}': parent_station '${p}' is not a station (location_type 1) of stops.txt`);
    key.set(id, p ?? id);
  }
  return { key, info };
}

/** The stops (by stop_id) that lie outside Sweden's boundary, the one the loader checks against. */
async function outsideSweden(db: Db, stops: StopRow[]): Promise<Set<string>> {
  const { rows } = await db.query(outsideSwedenSql, [stops.map((s) => s.lon), stops.map((s) => s.lat)]);
  return new Set(rows.map((r: { ord: number }) => stops[r.ord - 1].id));
}

/**
 * `npm run gis:gtfs`: a GTFS feed (folder or zip) into `stops`, all or nothing: each served
 * stop or station with its mode (the strongest of the route types serving it) and
 * departuresPerHour = its departures of that mode in the reference week's weekday morning
 * peaks (07–09) / 10. Upserts by ref = stop_id, so the shipped stops (GTFS Sverige 2 ids)
 * are updated in place; stops not in the feed are left as they are.
 */
export async function importGtfs(db: Db, source: string, options: GtfsOptions = {}): Promise<GtfsSummary> {
  const feed = await openFeed(source);
  try {
    refuseMissing(feed);
    const trips = await readTrips(feed, await readRouteModes(feed));
    await readFrequencies(feed, trips);
    const { key, info } = await readStops(feed);
    const week = await referenceWeek(feed, options.week);
    const served = await countDepartures(feed, trips, key, week);
    const skipped = { notServed: 0, onDemandOnly: 0, otherModesOnly: 0, outsideSweden: 0 };
    const features: unknown[] = [];
    const ids = [...new Set(key.values())];
    const abroad = await outsideSweden(db, ids.map((id) => info.get(id)!));
    for (const id of ids) {
      const s = served.get(id);
      const stop = info.get(id)!;
      const mode = MODE_RANK.find((m) => s?.modes.has(m)) as StopMode | undefined;
      if (!s) skipped.notServed++;
      else if (!mode) s.modes.has('other') ? skipped.otherModesOnly++ : skipped.onDemandOnly++;
      else if (abroad.has(id)) skipped.outsideSweden++;
      if (!s || !mode || abroad.has(id)) continue;
      const peak = s.peak.get(mode) ?? 0;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [stop.lon, stop.lat] },
        properties: {
          ref: id, name: stop.name, mode, planned: false, sourceId: id,
          departuresPerHour: Math.round((peak / PEAK_HOURS_PER_WEEK) * 100) / 100,
          illustrative: false, source: `GTFS ${feed.name}, weekday morning peak of the week of ${week.monday}`,
        },
      });
    }
    const load = await withTransaction(db, async (client) => {
      const summary = await loadSource(client, 'stops', arraySource(features, WGS84));
      await client.query(fillMunicipalitySql);
      return summary;
    });
    return { feed: feed.name, referenceWeek: week.monday, load, skipped };
  } finally {
    feed.close();
  }
}
