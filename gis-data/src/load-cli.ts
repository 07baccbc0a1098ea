// `npm run gis:load -- <layer> <file.geojson> [--crs 3006]`: validates and loads one layer
// file in one transaction; upserts by ref; exit 1 naming feature index, ref and reason.
import cliProgress from 'cli-progress';
import { loadConfig } from '../../api/src/config';
import { createPool } from '../../api/src/db/pool';
import { parseCrs, WGS84 } from '../../api/src/geo/crs';
import { loadLayerFile } from '../../api/src/layers/loader';
import { LoadError } from '../../api/src/layers/load-error';
import { isLayerName, LAYER_NAMES } from '../../api/src/layers/registry';
import { describeImport, importIfNisFile } from '../../api/src/plans/national/cli';

// Below this many features a bar would only flicker.
const PROGRESS_FROM = 200;

function usage(message: string): never {
  console.error(`${message}\nusage: npm run gis:load -- <${LAYER_NAMES.join('|')}> <file.geojson> [--crs 4326|3006]`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const crsAt = args.indexOf('--crs');
  const srid = crsAt >= 0 ? parseCrs(args.splice(crsAt, 2)[1] ?? '') : WGS84;
  if (!srid) usage('--crs must be 4326 or 3006');
  const [layer, file] = args;
  if (!layer || !file) usage('a layer and a file are required');
  if (!isLayerName(layer)) usage(`unknown layer '${layer}'`);

  const db = createPool(loadConfig().databaseUrl, 2);
  const bar = new cliProgress.SingleBar({ format: `${layer} [{bar}] {value}/{total} features`, hideCursor: true }, cliProgress.Presets.shades_classic);
  let barStarted = false;
  try {
    // A national plan document (NIS Detaljplan v4) goes to its own importer.
    const national = layer === 'plans' ? await importIfNisFile(db, file) : undefined;
    if (national) {
      console.log(describeImport(national, file).join('\n'));
      return;
    }
    const summary = await loadLayerFile(db, layer, file, {
      srid,
      onProgress: (done, total) => {
        if (total < PROGRESS_FROM) return;
        if (!barStarted) {
          bar.start(total, 0);
          barStarted = true;
        }
        bar.update(done);
      },
    });
    if (barStarted) bar.stop();
    console.log(`${summary.layer}: loaded ${summary.features} features from ${file} (${summary.inserted} new, ${summary.updated} updated)`);
    const ignored = Object.entries(summary.ignoredProperties);
    if (ignored.length > 0) {
      console.log(`not stored, outside the ${summary.layer} contract: ${ignored.map(([k, n]) => `${k} (${n} features)`).join(', ')}`);
    }
  } catch (err) {
    if (barStarted) bar.stop();
    if (err instanceof LoadError) {
      console.error(`${file}: not loaded, the database is unchanged.\n${err.message}`);
      process.exitCode = 1;
    } else {
      console.error(`${file}: not loaded: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  } finally {
    await db.end();
  }
}

void main();
