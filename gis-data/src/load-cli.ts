// `npm run gis:load -- <layer> <file> [--layer <name>] [--map <name|file>] [--set key=value]... [--crs N] [--check]`:
// validates and loads one layer file (GeoJSON of the layer contract, or any GIS file GDAL
// reads) in one transaction; upserts by ref; exit 1 naming feature index, ref and reason.
import cliProgress from 'cli-progress';
import { loadConfig } from '../../api/src/config';
import { createPool } from '../../api/src/db/pool';
import { parseCrs, WGS84, type Srid } from '../../api/src/geo/crs';
import { loadLayerFile, type LoadOptions } from '../../api/src/layers/loader';
import { LoadError } from '../../api/src/layers/load-error';
import { parseSet } from '../../api/src/layers/load/mapping';
import { isLayerName, LAYER_NAMES } from '../../api/src/layers/registry';
import { describeImport, importIfNisFile } from '../../api/src/plans/national/cli';
import { readyMappings, resolveMapping } from './mappings';

// Below this many features a bar would only flicker.
const PROGRESS_FROM = 200;

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run gis:load -- <${LAYER_NAMES.join('|')}> <file> [--layer <name>] [--map <${readyMappings().join('|')}|mapping.json>] [--set key=value]... [--crs <EPSG code>] [--check]`,
  );
  process.exit(2);
}

/** Takes `--name value` (every occurrence) out of args. */
function take(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let at = args.indexOf(name); at >= 0; at = args.indexOf(name)) {
    const [, value] = args.splice(at, 2);
    if (value === undefined) usage(`${name} needs a value`);
    values.push(value);
  }
  return values;
}

function parseArgs(argv: string[]): { layer: string; file: string; options: LoadOptions } {
  const args = [...argv];
  const checkAt = args.indexOf('--check');
  const dryRun = checkAt >= 0;
  if (dryRun) args.splice(checkAt, 1);
  const crsArg = take(args, '--crs').pop();
  const sourceLayer = take(args, '--layer').pop();
  const map = take(args, '--map').pop();
  const sets: Record<string, unknown> = {};
  for (const s of take(args, '--set')) {
    const kv = parseSet(s);
    if (!kv) usage(`--set wants key=value, got '${s}'`);
    sets[kv[0]] = kv[1];
  }
  const [layer, file, extra] = args;
  if (!layer || !file) usage('a layer and a file are required');
  if (extra !== undefined) usage(`unexpected argument '${extra}'`);
  if (!isLayerName(layer)) usage(`unknown layer '${layer}'`);
  const options: LoadOptions = { sourceLayer, sets, dryRun };
  if (crsArg !== undefined) {
    // A GeoJSON contract file takes 4326 or 3006; any other code is for GDAL (a CSV's CRS).
    const code = parseCrs(crsArg) ?? Number(/(\d{4,5})$/.exec(crsArg)?.[1]);
    if (!code) usage('--crs must be an EPSG code such as 3006, 3011 or 4326');
    if (code === WGS84 || code === 3006) options.srid = code as Srid;
    if (!/\.(geo)?json$/i.test(file) || (code !== WGS84 && code !== 3006)) options.crs = code;
  }
  if (map !== undefined) {
    options.mapping = resolveMapping(map);
    if (options.mapping.layer !== layer) usage(`the mapping '${map}' is for the ${options.mapping.layer} layer, not ${layer}`);
  }
  return { layer, file, options };
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof LoadError) usage(err.message);
    throw err;
  }
  const { layer, file, options } = parsed;
  if (!isLayerName(layer)) return;
  const db = createPool(loadConfig().databaseUrl, 2);
  let bar: cliProgress.SingleBar | undefined;
  const started = Date.now();
  try {
    // A national plan document (NIS Detaljplan v4) goes to its own importer.
    const national = layer === 'plans' ? await importIfNisFile(db, file) : undefined;
    if (national) {
      console.log(describeImport(national, file).join('\n'));
      return;
    }
    const summary = await loadLayerFile(db, layer, file, {
      ...options,
      onProgress: (done, total) => {
        if (done < PROGRESS_FROM && (total ?? 0) < PROGRESS_FROM) return;
        if (!bar) {
          // A streamed GeoJSON file does not say how many features it holds: a count, no bar.
          const format = total === undefined ? `${layer}: {value} features read` : `${layer} [{bar}] {value}/{total} features`;
          bar = new cliProgress.SingleBar({ format, hideCursor: true }, cliProgress.Presets.shades_classic);
          bar.start(total ?? 0, 0);
        }
        bar.update(done);
      },
    });
    bar?.stop();
    if (summary.features === 0) {
      // An empty FeatureCollection is well-formed; a load only adds and updates, so it changes nothing.
      console.log(`${summary.layer}: the file has no features; nothing was loaded (${file})`);
      return;
    }
    const from = summary.sourceLayer !== undefined ? `${file} (layer ${summary.sourceLayer})` : file;
    const parts = summary.parts !== undefined ? ` from ${summary.parts} area parts` : '';
    const unchanged = summary.unchanged !== undefined ? `, ${summary.unchanged} unchanged` : '';
    const verb = options.dryRun ? 'checked, nothing stored:' : 'loaded';
    const would = options.dryRun ? 'would be ' : '';
    console.log(
      `${summary.layer}: ${verb} ${summary.features} features${parts} from ${from} (${would}${summary.inserted} new, ${summary.updated} updated${unchanged})`,
    );
    const ignored = Object.entries(summary.ignoredProperties);
    if (ignored.length > 0) {
      console.log(`not stored, outside the ${summary.layer} contract: ${ignored.map(([k, n]) => `${k} (${n} features)`).join(', ')}`);
    }
    if (summary.features >= PROGRESS_FROM) console.log(`in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    bar?.stop();
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
