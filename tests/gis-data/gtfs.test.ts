// gis:gtfs on a feed written for the tests (tests/fixtures/gtfs/mini-feed, whose README
// works out every expected figure by hand).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { importGtfs } from '../../api/src/transit/gtfs/import';
import { GtfsError } from '../../api/src/transit/gtfs/feed';
import { createTestDb, type TestDb } from '../support/test-db';
import { writeZip } from '../support/zip';

const feedDir = path.join(__dirname, '../fixtures/gtfs/mini-feed');
const repoRoot = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etablera-gtfs-'));

/** The fixture's tables, some left out or replaced. */
function feedFiles(change: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(feedDir).filter((n) => n.endsWith('.txt'))) files[f] = fs.readFileSync(path.join(feedDir, f), 'utf8');
  for (const [f, content] of Object.entries(change)) {
    if (content === null) delete files[f];
    else files[f] = content;
  }
  return files;
}

async function stopsSnapshot(t: TestDb): Promise<string> {
  const { rows } = await t.db.query("select coalesce(string_agg(ref || mode || coalesce(departures_per_hour::text, '-') || version, '|' order by ref), '') as s from stops");
  return rows[0].s;
}

describe('gis:gtfs', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ seeded: true });
  });
  afterAll(async () => {
    await t.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('when a feed without stop_times.txt is imported, then it is refused naming the file and the reason, nothing stored', async () => {
    const zip = path.join(tmp, 'no-stop-times.zip');
    writeZip(zip, feedFiles({ 'stop_times.txt': null }));
    const before = await stopsSnapshot(t);
    const err = await importGtfs(t.db, zip).catch((e) => e);
    expect(err).toBeInstanceOf(GtfsError);
    expect(err.message).toBe('stop_times.txt: missing from the feed; it is required: the departures per hour are counted from it');
    expect(await stopsSnapshot(t)).toBe(before);
  });

  test('when stop_times.txt names an unknown stop, then the whole feed is refused with the line, nothing stored', async () => {
    const dir = path.join(tmp, 'bad-stop');
    fs.mkdirSync(dir);
    const files = feedFiles();
    files['stop_times.txt'] += 'B4,08:40:00,08:40:00,9029999,3,\n';
    for (const [f, c] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), c);
    const before = await stopsSnapshot(t);
    const err = await importGtfs(t.db, dir).catch((e) => e);
    expect(err.message).toBe("stop_times.txt: line 32: stop_id '9029999' is not a stop or platform (location_type 0) of stops.txt");
    expect(await stopsSnapshot(t)).toBe(before);
  });

  test('when the fixture feed is imported (zipped), then stations and stops get their mode and the hand-computed departures per hour', async () => {
    const zip = path.join(tmp, 'mini-feed.zip');
    writeZip(zip, feedFiles());
    const summary = await importGtfs(t.db, zip);
    expect(summary).toMatchObject({
      referenceWeek: '2026-03-02',
      load: { features: 4, inserted: 4, updated: 0 },
      skipped: { notServed: 1, onDemandOnly: 1, otherModesOnly: 0, outsideSweden: 1 },
    });
    const { rows } = await t.db.query(
      "select ref, name, mode, departures_per_hour as dph, municipality_code as kommun from stops where ref like '902%' order by ref",
    );
    expect(rows).toEqual([
      { ref: '9021001', name: 'Flemingsberg station', mode: 'commuter_rail', dph: 1.1, kommun: '0126' },
      { ref: '9021002', name: 'Huddinge station', mode: 'commuter_rail', dph: 0.4, kommun: '0126' },
      { ref: '9022010', name: 'Flemingsberg bussterminal', mode: 'bus', dph: 1.6, kommun: '0126' },
      { ref: '9022011', name: 'Huddinge sjukhus', mode: 'bus', dph: 0, kommun: '0126' },
    ]);
    // The shipped stops are not in this feed: they stay.
    const { rows: shipped } = await t.db.query("select count(*)::int as n from stops where ref like '7400%'");
    expect(shipped[0].n).toBeGreaterThan(0);
  });

  test('when the feed folder is imported from the command line for a later week, then the week is used and the summary printed', () => {
    const r = spawnSync('npx', ['tsx', 'gis-data/src/gtfs-cli.ts', feedDir, '--week', '2026-03-09'], {
      cwd: repoRoot, env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8',
    });
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/stops: imported 4 stops and stations from mini-feed \(0 new, 4 updated\); reference week of 2026-03-09/);
  });

  test('after the week of 2026-03-09, then the figures follow that week: WK five days, EXTRA one, no Sunday night trip', async () => {
    // Flemingsberg: T1 5 + T2 5 + T6 (Tue 03-10) 1 = 11 → 1.1; Huddinge: T4 5 → 0.5; terminal: 4 trips × 5 = 20 → 2.
    const { rows } = await t.db.query("select ref, departures_per_hour as dph from stops where ref like '902%' order by ref");
    expect(rows).toEqual([
      { ref: '9021001', dph: 1.1 }, { ref: '9021002', dph: 0.5 }, { ref: '9022010', dph: 2 }, { ref: '9022011', dph: 0 },
    ]);
  });

  test('when B1 runs by frequencies.txt every 15 minutes from 07:00 until 08:00, then each run counts', async () => {
    // B1's stop_times (07:00 terminal → 07:06 sjukhus) become a template: runs at 07:00, 07:15,
    // 07:30, 07:45 (08:00 is the end, not a run) = 4 departures at the terminal per WK day.
    // Week of 2026-03-02 (WK 4 days): terminal B1 16 + B2–B4 12 = 28 → 2.8; sjukhus still 0.
    const dir = path.join(tmp, 'frequencies');
    fs.mkdirSync(dir);
    const files = feedFiles({ 'frequencies.txt': 'trip_id,start_time,end_time,headway_secs,exact_times\nB1,07:00:00,08:00:00,900,1\n' });
    for (const [f, c] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), c);
    await importGtfs(t.db, dir, { week: '2026-03-02' });
    const { rows } = await t.db.query("select ref, departures_per_hour as dph from stops where ref in ('9022010', '9022011', '9021001') order by ref");
    expect(rows).toEqual([{ ref: '9021001', dph: 1.1 }, { ref: '9022010', dph: 2.8 }, { ref: '9022011', dph: 0 }]);
  });

  test('when the CLI is given a feed without stop_times.txt, then it exits 1 naming the file', () => {
    const dir = path.join(tmp, 'cli-missing');
    fs.mkdirSync(dir);
    for (const [f, c] of Object.entries(feedFiles({ 'stop_times.txt': null }))) fs.writeFileSync(path.join(dir, f), c);
    const r = spawnSync('npx', ['tsx', 'gis-data/src/gtfs-cli.ts', dir], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: t.url }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not imported, the database is unchanged\.\nstop_times\.txt: missing from the feed/);
  });
});
