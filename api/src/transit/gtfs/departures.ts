import { GtfsError, rows, type Feed } from './feed';
import type { ReferenceWeek } from './calendar';
import { modeOf } from './route-modes';

// The morning peak of DESIGN.md: departures from 07:00:00 up to (not including) 09:00:00.
const PEAK_FROM = 7 * 3600;
const PEAK_TO = 9 * 3600;
/** Weekdays × peak hours: the divisor of the average. */
export const PEAK_HOURS_PER_WEEK = 5 * 2;

export interface TripInfo {
  service: string;
  /** Etablera's mode, or 'on_demand' / 'other'. */
  mode: ReturnType<typeof modeOf>;
  /** frequencies.txt: the trip runs every `headway` seconds from `start` until before `end`. */
  frequencies?: Array<{ start: number; end: number; headway: number }>;
}

/** What the stop_times pass found per Etablera stop (parent station or lone stop). */
export interface StopService {
  /** Every mode that serves the stop, anywhere in the feed. */
  modes: Set<TripInfo['mode']>;
  /** Per mode, departures in the reference week's weekday morning peaks. */
  peak: Map<TripInfo['mode'], number>;
}

export const seconds = (line: number, s: string, table = 'stop_times.txt'): number => {
  const m = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(s);
  if (!m) throw new GtfsError(table, `line ${line}: time '${s}' is not HH:MM:SS`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
};

/**
 * One pass over stop_times.txt (streamed: a national feed has millions of rows). A row is a
 * departure when it has a time, allows pickup (pickup_type ≠ 1) and is not its trip's last
 * stop; it counts for the weekday of the reference week it falls on (a time past 24:00
 * belongs to the next day), when between 07:00 and 09:00.
 */
export async function countDepartures(
  feed: Feed, trips: Map<string, TripInfo>, stopKey: Map<string, string>, week: ReferenceWeek,
): Promise<Map<string, StopService>> {
  const served = new Map<string, StopService>();
  // Per trip, its highest stop_sequence so far and what that row counted: the last stop
  // of a trip is no departure, so its count is taken back at the end.
  const last = new Map<string, { seq: number; key: string; counted: number }>();
  // Headway-based trips: their rows give times relative to the trip's start; kept until
  // the trip is read whole (few trips in practice), then run once per headway.
  const templates = new Map<string, Array<{ seq: number; key: string; time: number | null; pickup: boolean }>>();
  const peakCount = (service: string, t: number): number => {
    let n = 0;
    for (const o of week.offsets.get(service) ?? []) {
      const day = o + Math.floor(t / 86_400);
      const clock = t % 86_400;
      if (day >= 0 && day <= 4 && clock >= PEAK_FROM && clock < PEAK_TO) n++;
    }
    return n;
  };
  const add = (s: StopService, mode: TripInfo['mode'], n: number) => {
    if (n > 0) s.peak.set(mode, (s.peak.get(mode) ?? 0) + n);
  };
  for await (const r of rows(feed, 'stop_times.txt', ['trip_id', 'stop_id', 'stop_sequence'])) {
    const tripId = r.get('trip_id');
    const trip = trips.get(tripId);
    if (!trip) throw new GtfsError('stop_times.txt', `line ${r.line}: trip_id '${tripId}' is not in trips.txt`);
    const stopId = r.get('stop_id');
    const key = stopKey.get(stopId);
    if (key === undefined) throw new GtfsError('stop_times.txt', `line ${r.line}: stop_id '${stopId}' is not a stop or platform (location_type 0) of stops.txt`);
    const seq = Number(r.get('stop_sequence'));
    if (!Number.isInteger(seq) || seq < 0) throw new GtfsError('stop_times.txt', `line ${r.line}: stop_sequence '${r.get('stop_sequence')}' is not a non-negative integer`);
    const s = served.get(key) ?? served.set(key, { modes: new Set(), peak: new Map() }).get(key)!;
    s.modes.add(trip.mode);
    const time = r.get('departure_time') || r.get('arrival_time');
    if (trip.frequencies) {
      const rowsOfTrip = templates.get(tripId) ?? templates.set(tripId, []).get(tripId)!;
      rowsOfTrip.push({ seq, key, time: time === '' ? null : seconds(r.line, time), pickup: r.get('pickup_type') !== '1' });
      continue;
    }
    const counted = time !== '' && r.get('pickup_type') !== '1' ? peakCount(trip.service, seconds(r.line, time)) : 0;
    add(s, trip.mode, counted);
    const prev = last.get(tripId);
    if (!prev || seq > prev.seq) last.set(tripId, { seq, key, counted });
  }
  for (const [tripId, stops] of templates) {
    const trip = trips.get(tripId)!;
    stops.sort((a, b) => a.seq - b.seq);
    const first = stops.find((x) => x.time !== null)?.time ?? 0;
    for (const { start, end, headway } of trip.frequencies!) {
      for (let t0 = start; t0 < end; t0 += headway) {
        // Every stop but the last is a departure of each run.
        for (const x of stops.slice(0, -1)) {
          if (x.time !== null && x.pickup) add(served.get(x.key)!, trip.mode, peakCount(trip.service, t0 + x.time - first));
        }
      }
    }
  }
  for (const [tripId, { key, counted }] of last) {
    if (counted === 0) continue;
    const mode = trips.get(tripId)!.mode;
    const peak = served.get(key)!.peak;
    peak.set(mode, peak.get(mode)! - counted);
  }
  return served;
}
