import { GtfsError, rows, type Feed } from './feed';

const DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const toDate = (table: string, line: number, s: string): number => {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) throw new GtfsError(table, `line ${line}: date '${s}' is not YYYYMMDD`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
};
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

// Times after 24:00:00 belong to the service day before, and a trip may start after
// midnight of the day before Monday: the days from Saturday to Friday are followed.
export const FIRST_OFFSET = -2;
const LAST_OFFSET = 4;

interface CalendarRow { service: string; days: boolean[]; start: number; end: number }

async function readCalendar(feed: Feed): Promise<CalendarRow[]> {
  if (!feed.has('calendar.txt')) return [];
  const out: CalendarRow[] = [];
  for await (const r of rows(feed, 'calendar.txt', ['service_id', ...WEEKDAYS, 'start_date', 'end_date'])) {
    out.push({
      service: r.get('service_id'), days: WEEKDAYS.map((d) => r.get(d) === '1'),
      start: toDate('calendar.txt', r.line, r.get('start_date')), end: toDate('calendar.txt', r.line, r.get('end_date')),
    });
  }
  return out;
}

/** The dates (ms) on which some service runs: the candidates for the reference week. */
async function serviceDates(feed: Feed, calendar: CalendarRow[]): Promise<Set<number>> {
  const dates = new Set<number>();
  for (const c of calendar) {
    for (let t = c.start; t <= c.end; t += DAY) if (c.days[new Date(t).getUTCDay()]) dates.add(t);
  }
  if (feed.has('calendar_dates.txt')) {
    for await (const r of rows(feed, 'calendar_dates.txt', ['service_id', 'date', 'exception_type'])) {
      if (r.get('exception_type') === '1') dates.add(toDate('calendar_dates.txt', r.line, r.get('date')));
    }
  }
  return dates;
}

/**
 * The Monday of the reference week: the one given, else the first Monday whose five
 * weekdays all have service in the feed (a feed's first days are often a partial week).
 */
async function referenceMonday(feed: Feed, calendar: CalendarRow[], given?: string): Promise<number> {
  if (given !== undefined) {
    const t = Date.parse(`${given}T00:00:00Z`);
    if (Number.isNaN(t) || new Date(t).getUTCDay() !== 1) throw new GtfsError('--week', `'${given}' is not the date of a Monday (YYYY-MM-DD)`);
    return t;
  }
  const dates = await serviceDates(feed, calendar);
  for (const t of [...dates].sort((a, b) => a - b)) {
    if (new Date(t).getUTCDay() !== 1) continue;
    if ([1, 2, 3, 4].every((d) => dates.has(t + d * DAY))) return t;
  }
  throw new GtfsError('calendar_dates.txt', 'the feed has no Monday–Friday week with service on every day (give one with --week)');
}

export interface ReferenceWeek {
  monday: string;
  /** Per service_id, the days it runs, as offsets from Monday (FIRST_OFFSET … 4). */
  offsets: Map<string, number[]>;
}

/**
 * Which services run on which day around the reference week. calendar.txt's weekday flags
 * within its dates, then calendar_dates.txt's exceptions (1 adds the date, 2 removes it):
 * Trafiklab's calendar.txt has every flag 0, so its days come from calendar_dates alone.
 */
export async function referenceWeek(feed: Feed, given?: string): Promise<ReferenceWeek> {
  const calendar = await readCalendar(feed);
  const monday = await referenceMonday(feed, calendar, given);
  const runs = new Map<string, Set<number>>();
  const set = (service: string) => runs.get(service) ?? runs.set(service, new Set()).get(service)!;
  for (let o = FIRST_OFFSET; o <= LAST_OFFSET; o++) {
    const t = monday + o * DAY;
    const weekday = new Date(t).getUTCDay();
    for (const c of calendar) if (c.days[weekday] && c.start <= t && t <= c.end) set(c.service).add(o);
  }
  if (feed.has('calendar_dates.txt')) {
    for await (const r of rows(feed, 'calendar_dates.txt', ['service_id', 'date', 'exception_type'])) {
      const o = Math.round((toDate('calendar_dates.txt', r.line, r.get('date')) - monday) / DAY);
      if (o < FIRST_OFFSET || o > LAST_OFFSET) continue;
      const type = r.get('exception_type');
      if (type === '1') set(r.get('service_id')).add(o);
      else if (type === '2') set(r.get('service_id')).delete(o);
      else throw new GtfsError('calendar_dates.txt', `line ${r.line}: exception_type '${type}' is not 1 or 2`);
    }
  }
  return { monday: iso(monday), offsets: new Map([...runs].map(([s, o]) => [s, [...o]])) };
}
