// municipalities.geojson: the 26 municipalities of Stockholm county with their neighbours.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readReference } from './reference';
import { assertValidPolygon, roundGeometry, type PolyFeature } from './util';

export const MUNICIPALITY_SOURCE =
  'opendatasoft georef-sweden-kommun 2022 via skychanao/skychanao-Jet-Lag-Stockholm (licence not stated); ' +
  'neighbours: kpalmvik/grannkommuner (ISC)';

interface SourceProps {
  kommunkod: string;
  kommunnamn: string;
  relation_to_huddinge: 'focus' | 'neighbour' | 'other';
}
interface Neighbours {
  municipalities: Record<string, { name: string; code: string; neighbors: Array<{ name: string; code: string }> }>;
}

/** Problems found in the source polygons, before any change (reported, never repaired). */
export function sourceProblems(features: Array<Feature<Polygon | MultiPolygon, SourceProps>>): string[] {
  const problems: string[] = [];
  for (const f of features) {
    try {
      assertValidPolygon(f, `${f.properties.kommunkod} ${f.properties.kommunnamn}`);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  return problems;
}

export function buildMunicipalities(): PolyFeature[] {
  const src = readReference<{ features: Array<Feature<Polygon | MultiPolygon, SourceProps>> }>('municipalities');
  const neighbours = readReference<Neighbours>('neighbours').municipalities;
  if (src.features.length !== 26) throw new Error(`municipalities: expected 26 features, got ${src.features.length}`);
  const problems = sourceProblems(src.features);
  if (problems.length > 0) {
    // Reported to the caller, not repaired: the boundary source must be fixed upstream.
    throw new Error(`municipalities: invalid source polygons:\n  ${problems.join('\n  ')}`);
  }
  const out = src.features.map((f) => {
    const code = f.properties.kommunkod;
    const n = neighbours[code];
    if (!n) throw new Error(`municipalities: no neighbour entry for ${code}`);
    if (n.name !== f.properties.kommunnamn) throw new Error(`municipalities: name mismatch for ${code}`);
    // Only change: coordinates rounded from 15 to 7 decimals (about 1 cm), as RFC 7946
    // exchange in this project allows at most 7; validity is re-checked after rounding.
    const geometry = roundGeometry(f.geometry);
    const feature = turf.feature(geometry, {
      ref: code,
      name: f.properties.kommunnamn,
      neighbours: n.neighbors.map((x) => x.code).sort(),
      relation: f.properties.relation_to_huddinge,
      source: MUNICIPALITY_SOURCE,
    }) as PolyFeature;
    assertValidPolygon(feature, `municipality ${code} after rounding`);
    return feature;
  });
  return out.sort((a, b) => String(a.properties.ref).localeCompare(String(b.properties.ref)));
}

export function huddinge(municipalities: PolyFeature[]): PolyFeature {
  const h = municipalities.find((m) => m.properties.ref === '0126');
  if (!h) throw new Error('municipalities: Huddinge (0126) missing');
  return h;
}

/** The kommunkod of the municipality containing a point, or null. */
export function municipalityAt(municipalities: PolyFeature[], lonLat: number[]): string | null {
  const hit = municipalities.find((m) => turf.booleanPointInPolygon(lonLat, m));
  return hit ? String(hit.properties.ref) : null;
}
