// premises.geojson: (illustrative) vacant premises listings, points inside built parcels.
import * as turf from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { areaSpec } from './areas';
import type { Parcel } from './land';
import { Rng, roundGeometry, roundTo, type PolyFeature } from './util';

export const PREMISES_SOURCE = 'Invented by Etablera for demonstration; not real listings (illustrative)';

type Kind = 'office' | 'retail' | 'industry' | 'warehouse' | 'lab';

interface AreaPremises {
  count: number;
  kinds: Partial<Record<Kind, number>>;
  streets: string[];
  rent: Partial<Record<Kind, [number, number]>>;
}

// Street names: from the area's GTFS stop names and the brief (Länna: Lännavägen and the
// industrial streets; Flemingsberg: around the hospital and campus; Kungens kurva).
const AREAS: Record<string, AreaPremises> = {
  lanna: {
    count: 16,
    kinds: { warehouse: 0.45, industry: 0.35, office: 0.2 },
    streets: ['Lännavägen', 'Fräsarvägen', 'Smärgelvägen', 'Slipstensvägen', 'Speditionsvägen', 'Svarvarvägen', 'Truckvägen'],
    rent: { warehouse: [800, 1200], industry: [850, 1400], office: [1100, 1600] },
  },
  flemingsberg: {
    count: 16,
    kinds: { lab: 0.35, office: 0.45, retail: 0.2 },
    streets: ['Hälsovägen', 'Alfred Nobels allé', 'Huddingevägen', 'Diagnosvägen', 'Ortopedvägen', 'Anatomivägen'],
    rent: { lab: [2400, 3500], office: [1800, 2800], retail: [1800, 2600] },
  },
  'kungens-kurva': {
    count: 16,
    kinds: { retail: 0.5, warehouse: 0.25, office: 0.25 },
    streets: ['Kungens kurvaleden', 'Dialoggatan', 'Ekgårdsvägen', 'Smista allé', 'Månskärsvägen', 'Diagonalvägen'],
    rent: { retail: [1600, 3500], warehouse: [900, 1400], office: [1500, 2300] },
  },
};

const FLOOR_AREA: Record<Kind, [number, number]> = {
  warehouse: [800, 12000],
  industry: [300, 6000],
  office: [80, 2500],
  lab: [150, 3000],
  retail: [150, 5000],
};

const TITLES: Record<Kind, string[]> = {
  warehouse: ['Lagerlokal med lastkaj', 'Logistiklokal med portar i marknivå', 'Lager med kontorsdel', 'Kallager med stor gård'],
  industry: ['Verkstadslokal med travers', 'Industrilokal med hög takhöjd', 'Produktionslokal med lastport'],
  office: ['Kontorslokal', 'Kontor i flexibel planlösning', 'Kontorsvåning med konferensrum'],
  lab: ['Laboratorielokal med dragskåp', 'Lab- och kontorsyta för life science', 'Renrum och laboratorium'],
  retail: ['Butikslokal i gatuplan', 'Handelslokal med skyltläge', 'Storbutikslokal med lastintag'],
};

const MONTHS = ['2026-10-01', '2026-12-01', '2027-01-01', '2027-02-01', '2027-04-01', '2027-06-01', '2027-09-01', '2028-01-01'];

/** A seeded point inside a parcel, at least `margin` metres from its edges. */
function pointInside(parcel: PolyFeature, rng: Rng, margin = 8): number[] {
  const [w, s, e, n] = turf.bbox(parcel);
  for (let i = 0; i < 500; i++) {
    const p = turf.point([rng.range(w, e), rng.range(s, n)]);
    if (turf.booleanPointInPolygon(p, parcel) && -turf.pointToPolygonDistance(p, parcel as never, { units: 'meters' }) >= margin) {
      return p.geometry.coordinates;
    }
  }
  return turf.pointOnFeature(parcel).geometry.coordinates;
}

export function buildPremises(areaRef: string, parcels: Parcel[]): Array<Feature<Point, Record<string, unknown>>> {
  const cfg = AREAS[areaRef];
  const rng = new Rng(`premises:${areaRef}`);
  // Existing buildings: parcels that are built on (sold / not for sale / private), largest first.
  const hosts = parcels
    .filter((p) => p.feature.properties.status !== 'available' || p.feature.properties.ownerType === 'private')
    .sort((a, b) => turf.area(b.feature) - turf.area(a.feature));
  if (hosts.length < 4) throw new Error(`premises ${areaRef}: too few built parcels`);
  const out: Array<Feature<Point, Record<string, unknown>>> = [];
  for (let i = 0; i < cfg.count; i++) {
    const host = hosts[(i * 3) % hosts.length];
    const kind = rng.weighted(cfg.kinds as Record<Kind, number>);
    const [fa, fb] = FLOOR_AREA[kind];
    const floor = roundTo(Math.exp(rng.range(Math.log(fa), Math.log(fb))), kind === 'office' ? 5 : 10);
    const rent = cfg.rent[kind];
    const street = rng.pick(cfg.streets);
    const status = i === 4 || i === 11 ? 'let' : i === 8 ? 'withdrawn' : 'available';
    out.push(
      turf.feature(roundGeometry({ type: 'Point', coordinates: pointInside(host.feature, rng) }), {
        ref: `P-${areaSpec(areaRef).code}-${String(i + 1).padStart(3, '0')}`,
        title: `${rng.pick(TITLES[kind])}, ${street}`,
        kind,
        floorAreaM2: floor,
        rentSekPerM2Year: rent && rng.chance(0.85) ? roundTo(rng.range(rent[0], rent[1]), 25) : null,
        availableFrom: rng.chance(0.2) ? null : rng.pick(MONTHS),
        status,
        address: `${street} ${rng.int(1, 60)}`,
        illustrative: true,
        source: PREMISES_SOURCE,
      }) as Feature<Point, Record<string, unknown>>,
    );
  }
  return out;
}
