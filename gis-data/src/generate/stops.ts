// stops.geojson: real stops from Trafiklab GTFS Sverige 2 (rail, metro, and the buses that
// serve the three areas) plus illustrative planned Spårväg syd tram stops.
import * as turf from '@turf/turf';
import type { Feature, Point, Position } from 'geojson';
import { municipalityAt } from './municipalities';
import { readReference } from './reference';
import { roundGeometry, type PolyFeature } from './util';

export const GTFS_SOURCE = 'Trafiklab GTFS Sverige 2 (CC0 1.0); mode inferred from name';
export const TRAM_SOURCE =
  'Approximate positions along the planned Spårväg syd corridor (Region Stockholm); illustrative, not surveyed';

/** Bus stops within this distance of an area outline are kept. */
export const BUS_RADIUS_M = 700;
/** Two bus stops with the same name closer than this are one stop listed twice. */
const SAME_STOP_M = 300;

interface SourceStop {
  name: string;
  mode: 'commuter_rail' | 'metro' | 'rail_other' | 'bus';
  source_id: string;
  kommunkod: string | null;
}

/**
 * Planned Spårväg syd stops, Flemingsberg → Älvsjö, along the agreed corridor (Flemingsberg,
 * Masmo, Kungens kurva, Skärholmen, Fruängen, Älvsjö). Positions are set by Etablera next to
 * the existing stations/stops; they are illustrative, not Region Stockholm's stop locations.
 */
const TRAM_STOPS: Array<{ slug: string; name: string; at: Position }> = [
  { slug: 'flemingsberg', name: 'Flemingsberg station', at: [17.9463, 59.2186] },
  { slug: 'huddinge-sjukhus', name: 'Huddinge sjukhus/Södertörns högskola', at: [17.9405, 59.2214] },
  { slug: 'kasta', name: 'Kästa', at: [17.9362, 59.2288] },
  { slug: 'glomstadalen', name: 'Glömstadalen', at: [17.9125, 59.2395] },
  { slug: 'masmo', name: 'Masmo', at: [17.8818, 59.2505] },
  { slug: 'kungens-kurva', name: 'Kungens kurva', at: [17.9162, 59.2698] },
  { slug: 'skarholmen', name: 'Skärholmen', at: [17.9082, 59.2764] },
  { slug: 'fruangen', name: 'Fruängen', at: [17.9656, 59.2853] },
  { slug: 'alvsjo', name: 'Älvsjö', at: [18.0102, 59.2795] },
];
export const TRAM_OPENING_YEAR = 2033;

const MODE_ORDER = ['commuter_rail', 'metro', 'tram', 'bus'];

const cleanName = (s: string) => s.replace(/\s+/g, ' ').trim();

function stopFeature(at: Position, props: Record<string, unknown>): Feature<Point, Record<string, unknown>> {
  return turf.feature(roundGeometry({ type: 'Point', coordinates: at }), props) as Feature<Point, Record<string, unknown>>;
}

export interface StopsResult {
  features: Array<Feature<Point, Record<string, unknown>>>;
  dropped: string[];
}

export function buildStops(areas: PolyFeature[], municipalities: PolyFeature[]): StopsResult {
  const src = readReference<{ features: Array<Feature<Point, SourceStop>> }>('stops').features;
  const near = (f: Feature<Point>) =>
    areas.some((a) => turf.pointToPolygonDistance(f, a as never, { units: 'meters' }) <= BUS_RADIUS_M);
  const wanted = src
    .filter((f) => f.properties.mode === 'commuter_rail' || f.properties.mode === 'metro' || (f.properties.mode === 'bus' && near(f)))
    .sort((a, b) => a.properties.source_id.localeCompare(b.properties.source_id));
  // Dedup rule: same mode and cleaned name → one station; for buses only when the two are
  // within 300 m (same name far apart = different stops). The lowest stop_id is kept.
  const kept: Array<Feature<Point, SourceStop>> = [];
  const dropped: string[] = [];
  for (const f of wanted) {
    const twin = kept.find(
      (k) =>
        k.properties.mode === f.properties.mode &&
        cleanName(k.properties.name) === cleanName(f.properties.name) &&
        (f.properties.mode !== 'bus' || turf.distance(k, f, { units: 'meters' }) < SAME_STOP_M),
    );
    if (twin) dropped.push(`${f.properties.source_id} ${f.properties.name} (duplicate of ${twin.properties.source_id})`);
    else kept.push(f);
  }
  const real = kept.map((f) =>
    stopFeature(f.geometry.coordinates, {
      ref: f.properties.source_id,
      name: cleanName(f.properties.name),
      mode: f.properties.mode,
      planned: false,
      openingYear: null,
      sourceId: f.properties.source_id,
      municipalityCode: f.properties.kommunkod,
      illustrative: false,
      source: GTFS_SOURCE,
    }),
  );
  const planned = TRAM_STOPS.map((t) =>
    stopFeature(t.at, {
      ref: `spsyd-${t.slug}`,
      name: t.name,
      mode: 'tram',
      planned: true,
      openingYear: TRAM_OPENING_YEAR,
      sourceId: null,
      municipalityCode: municipalityAt(municipalities, t.at),
      illustrative: true,
      source: TRAM_SOURCE,
    }),
  );
  const order = (f: Feature<Point, Record<string, unknown>>) => MODE_ORDER.indexOf(String(f.properties.mode));
  real.sort((a, b) => order(a) - order(b) || String(a.properties.ref).localeCompare(String(b.properties.ref)));
  return { features: [...real, ...planned], dropped };
}
