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

if (require.main === module) {
  const { layers, summary } = generate();
  for (const name of LAYER_ORDER) console.log(`${name}: ${layers[name].length} features`);
  console.log('stops by mode:', JSON.stringify(countBy(layers.stops, 'mode')));
  for (const [area, s] of Object.entries(summary)) console.log(`${area}: ${JSON.stringify(s)}`);
}
