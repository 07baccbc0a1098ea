// `npm run gis:gtfs -- <folder or zip> [--week YYYY-MM-DD]`: imports a GTFS feed into stops,
// all or nothing; exit 1 naming the file and the reason.
import { loadConfig } from '../../api/src/config';
import { createPool } from '../../api/src/db/pool';
import { LoadError } from '../../api/src/layers/load-error';
import { GtfsError } from '../../api/src/transit/gtfs/feed';
import { importGtfs } from '../../api/src/transit/gtfs/import';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run gis:gtfs -- <feed folder or zip> [--week <Monday, YYYY-MM-DD>]`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--week');
  const week = at >= 0 ? args.splice(at, 2)[1] : undefined;
  if (at >= 0 && week === undefined) usage('--week needs a date');
  const [source, extra] = args;
  if (!source) usage('a GTFS folder or zip is required');
  if (extra !== undefined) usage(`unexpected argument '${extra}'`);
  const db = createPool(loadConfig().databaseUrl, 2);
  try {
    const s = await importGtfs(db, source, { week });
    console.log(`stops: imported ${s.load.features} stops and stations from ${s.feed} (${s.load.inserted} new, ${s.load.updated} updated); reference week of ${s.referenceWeek}`);
    const left = Object.entries(s.skipped).filter(([, n]) => n > 0);
    if (left.length > 0) console.log(`left out: ${left.map(([why, n]) => `${n} ${why}`).join(', ')}`);
  } catch (err) {
    if (err instanceof GtfsError || err instanceof LoadError) {
      console.error(`${source}: not imported, the database is unchanged.\n${err.message}`);
    } else {
      console.error(`${source}: not imported: ${(err as Error).message}`);
    }
    process.exitCode = 1;
  } finally {
    await db.end();
  }
}

void main();
