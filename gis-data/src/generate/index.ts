// Deterministic generator of the shipped GIS layers (gis-data/layers/*.geojson).
// Run: npm run gis:generate  (= tsx gis-data/src/generate/index.ts)
import path from 'node:path';
import { buildAreas } from './areas';
import { checkAll, countBy, type Layers } from './checks';
import { buildLand, type Parcel } from './land';
import { buildMunicipalities, huddinge } from './municipalities';
import { buildPlans } from './plans';
import { buildPremises } from './premises';
import { buildUseCodes, syncReferenceFiles, writeUseCodes } from './reference';
import { buildSite } from './site';
import { buildStops } from './stops';
import { generateRegion } from './region';
import { LAYERS_DIR, writeCollection, type PolyFeature } from './util';

/** Seed order of `npm start`: areas before what links to them. */
const LAYER_ORDER = ['municipalities', 'areas', 'stops', 'plans', 'land', 'premises'] as const;

export function generate(): { layers: Layers; summary: ReturnType<typeof checkAll> } {
  const from = syncReferenceFiles();
  console.log(`inputs: ${from} → gis-data/reference/`);
  writeUseCodes(buildUseCodes());

  const municipalities = buildMunicipalities();
  const areas = buildAreas(huddinge(municipalities));
  const { features: stops, dropped } = buildStops(areas, municipalities);
  for (const d of dropped) console.log(`  stops: dropped ${d}`);

  const plans: PolyFeature[] = [];
  const land: PolyFeature[] = [];
  const premises: Layers['premises'] = [];
  const parcelsByArea: Record<string, Parcel[]> = {};
  for (const area of areas) {
    const ref = String(area.properties.ref);
    const site = buildSite(area);
    const zones = buildPlans(site);
    const parcels = buildLand(site, zones);
    parcelsByArea[ref] = parcels;
    plans.push(...zones);
    land.push(...parcels.map((p) => p.feature));
    premises.push(...buildPremises(ref, parcels));
  }

  const layers: Layers = { municipalities, areas, stops, plans, land, premises };
  const summary = checkAll(layers, parcelsByArea);
  for (const name of LAYER_ORDER) writeCollection(path.join(LAYERS_DIR, `${name}.geojson`), layers[name]);
  return { layers, summary };
}

/** `--parcels N --seed S --out DIR`: the synthetic region (region.ts) instead of the shipped layers. */
function regionArgs(argv: string[]): { parcels: number; seed: number; out: string } | null {
  const at = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (at('--parcels') === undefined) return null;
  const parcels = Number(at('--parcels'));
  const seed = Number(at('--seed') ?? 1);
  const out = at('--out');
  if (!Number.isInteger(parcels) || parcels < 1 || parcels > 5_000_000) throw new Error('--parcels must be an integer from 1 to 5 000 000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!out) throw new Error('--out DIR is required with --parcels');
  return { parcels, seed, out: path.resolve(out) };
}

async function main(): Promise<void> {
  const region = regionArgs(process.argv.slice(2));
  if (region) {
    const started = Date.now();
    const summary = await generateRegion(region);
    console.log(`synthetic region (seed ${region.seed}) in ${region.out}: ${JSON.stringify(summary)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`load: for l in areas stops plans land premises; do npm run gis:load -- $l ${region.out}/$l.geojson --crs 3006; done`);
    return;
  }
  const { layers, summary } = generate();
  for (const name of LAYER_ORDER) console.log(`${name}: ${layers[name].length} features`);
  console.log('stops by mode:', JSON.stringify(countBy(layers.stops, 'mode')));
  for (const [area, s] of Object.entries(summary)) console.log(`${area}: ${JSON.stringify(s)}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error((err as Error).message);
    process.exit(2);
  });
}
