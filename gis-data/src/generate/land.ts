// land.geojson: the (illustrative) land parcels of each area, one per plot of site.ts.
import * as turf from '@turf/turf';
import { areaSpec } from './areas';
import { IN_PROGRESS, LAYOUTS, type PlanStatus } from './layout';
import { toFeature, type Site } from './site';
import { assertValidPolygon, largestPart, overlapArea, Rng, roundGeometry, roundTo, type PolyFeature } from './util';

export const LAND_SOURCE = 'Invented by Etablera for demonstration; not real property data (illustrative)';

const MIN_M2 = 2000;
const MAX_M2 = 60000;
/** Area / perimeter²: drops thin slivers left by clipping (a 1:6 rectangle is 0.031). */
const MIN_COMPACTNESS = 0.03;

const PRICE_RANGE: Record<string, [number, number]> = {
  lanna: [900, 1600],
  flemingsberg: [2500, 4500],
  'kungens-kurva': [3000, 6000],
};

const COMPANIES: Record<string, string[]> = {
  lanna: ['Lännaterminalen Fastighets AB', 'Skogås Lager & Logistik AB', 'Södertörns Industrifastigheter AB',
    'Truckvägen Fastigheter AB', 'Vallmyra Bygg & Mark AB', 'Huddinge Verkstadsfastigheter AB', 'Logistikpark Syd Holding AB'],
  flemingsberg: ['Campus Flemingsberg Fastigheter AB', 'Hälsovägens Labbfastigheter AB', 'Stationshuset Flemingsberg AB',
    'Visättra Kontorsfastigheter AB', 'Södertörn Forskningsfastigheter AB'],
  'kungens-kurva': ['Kurvan Handelsfastigheter AB', 'Smista Retail Holding AB', 'Ekgården Fastighets AB',
    'E4 Handelspark Syd AB', 'Segeltorp Butiksfastigheter AB'],
};

export type Context = 'ready' | 'progress' | 'none';

export interface ZoneHit {
  ref: string;
  planId: string;
  status: PlanStatus;
  useCodes: string[];
  m2: number;
}

export interface Parcel {
  feature: PolyFeature;
  block: number;
  zones: ZoneHit[];
  context: Context;
}

function compactness(f: PolyFeature): number {
  return turf.area(f) / turf.length(turf.polygonToLine(f as never), { units: 'meters' }) ** 2;
}

/** The parcel geometries of one area, with the zones they touch. */
export function parcelGeometries(site: Site, zones: PolyFeature[]): Parcel[] {
  const mainUse = LAYOUTS[site.ref].mainUse;
  const permitsMain = (codes: string[]) => codes.some((c) => mainUse.includes(c[0]));
  const out: Parcel[] = [];
  for (const block of site.blocks) {
    for (const ring of block.plots) {
      const part = largestPart(turf.intersect(turf.featureCollection([toFeature(site, ring), site.parcelMask])) as PolyFeature | null);
      if (!part) continue;
      const feature = turf.feature(roundGeometry(part.geometry), {}) as PolyFeature;
      const m2 = turf.area(feature);
      if (m2 < MIN_M2 || m2 > MAX_M2 || compactness(feature) < MIN_COMPACTNESS) continue;
      const hits: ZoneHit[] = [];
      for (const z of zones) {
        const o = overlapArea(feature, z);
        if (o > 1) {
          const p = z.properties;
          hits.push({ ref: String(p.ref), planId: String(p.planId), status: p.status as PlanStatus, useCodes: p.useCodes as string[], m2: o });
        }
      }
      const main = hits.filter((h) => permitsMain(h.useCodes));
      const context: Context = main.some((h) => h.status === 'in_force')
        ? 'ready'
        : main.some((h) => IN_PROGRESS.includes(h.status))
          ? 'progress'
          : 'none';
      out.push({ feature, block: block.index, zones: hits, context });
    }
  }
  return out;
}

type Status = 'available' | 'reserved' | 'sold' | 'not_for_sale';
type Owner = 'municipal' | 'private' | 'state' | 'other';

const STATUS_WEIGHTS: Record<Context, Record<Status, number>> = {
  ready: { available: 0.5, reserved: 0.15, sold: 0.2, not_for_sale: 0.15 },
  progress: { available: 0.6, reserved: 0.2, sold: 0.05, not_for_sale: 0.15 },
  none: { available: 0.35, reserved: 0.15, sold: 0.1, not_for_sale: 0.4 },
};

/** Status per parcel: seeded draw, then a deterministic top-up to the guarantees. */
function statuses(site: Site, parcels: Parcel[], rng: Rng): Status[] {
  const inst = LAYOUTS[site.ref].heldBy ?? {};
  const st = parcels.map((p): Status => {
    const held = inst[p.block];
    if (!held) return rng.weighted(STATUS_WEIGHTS[p.context]);
    if (held === 'private') return rng.chance(0.7) ? 'not_for_sale' : 'sold';
    return rng.chance(0.75) ? 'not_for_sale' : 'reserved';
  });
  const flip = (ctx: Context, need: number) => {
    const idx = parcels.map((p, i) => i).filter((i) => parcels[i].context === ctx && !inst[parcels[i].block]);
    let have = idx.filter((i) => st[i] === 'available').length;
    for (const i of idx) if (have < need && st[i] !== 'available') (st[i] = 'available'), have++;
    if (have < need) throw new Error(`land ${site.ref}: fewer than ${need} available ${ctx} parcels possible`);
  };
  flip('ready', 3);
  flip('progress', 3);
  const target = Math.ceil(parcels.length * 0.48);
  for (let i = 0; st.filter((s) => s === 'available').length < target && i < parcels.length; i++) {
    if (st[i] === 'reserved' && !inst[parcels[i].block]) st[i] = 'available';
  }
  return st;
}

function owner(status: Status, rng: Rng): Owner {
  switch (status) {
    case 'available':
      return rng.chance(0.75) ? 'municipal' : 'private';
    case 'reserved':
      return rng.chance(0.8) ? 'municipal' : 'private';
    case 'sold':
      return 'private';
    default:
      return rng.weighted({ private: 0.6, municipal: 0.2, state: 0.1, other: 0.1 });
  }
}

const OWNER_NAMES: Record<Owner, (ref: string, rng: Rng) => string> = {
  municipal: () => 'Huddinge kommun',
  private: (ref, rng) => `${rng.pick(COMPANIES[ref])} (fiktivt)`,
  state: () => 'Statlig fastighetsägare (fiktiv)',
  other: (ref) => (ref === 'flemingsberg' ? 'Regional vårdfastighetsägare (fiktiv)' : 'Övrig fastighetsägare (fiktiv)'),
};

/** Parcels of one area with their properties (fastighetsbeteckning, owner, status, price). */
export function buildLand(site: Site, zones: PolyFeature[]): Parcel[] {
  const parcels = parcelGeometries(site, zones);
  const rng = new Rng(`land:${site.ref}`);
  const st = statuses(site, parcels, rng);
  const inst = LAYOUTS[site.ref].heldBy ?? {};
  const trakt = areaSpec(site.ref).trakt;
  const units = new Map<number, number>();
  parcels.forEach((p, i) => {
    const unit = (units.get(p.block) ?? 0) + rng.int(1, 3);
    units.set(p.block, unit);
    const ownerType: Owner = (inst[p.block] as Owner | undefined) ?? owner(st[i], rng);
    const [lo, hi] = PRICE_RANGE[site.ref];
    const price = st[i] === 'available' && ownerType === 'municipal' && rng.chance(0.85) ? roundTo(rng.range(lo, hi), 50) : null;
    p.feature.properties = {
      ref: `${trakt} ${p.block}:${unit}`,
      ownerType,
      ownerName: OWNER_NAMES[ownerType](site.ref, rng),
      status: st[i],
      priceSekPerM2: price,
      areaRef: site.ref,
      illustrative: true,
      source: LAND_SOURCE,
    };
    assertValidPolygon(p.feature, `parcel ${p.feature.properties.ref}`);
  });
  return parcels;
}
