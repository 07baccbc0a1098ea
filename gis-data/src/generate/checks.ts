// Cross-layer checks run before anything is written; any failure throws.
import * as turf from '@turf/turf';
import type { Feature } from 'geojson';
import type { Parcel } from './land';
import { addYears, areaOutside, assertValidPolygon, overlapArea, REFERENCE_DATE, type PolyFeature } from './util';

export interface Layers {
  municipalities: PolyFeature[];
  areas: PolyFeature[];
  stops: Feature[];
  plans: PolyFeature[];
  land: PolyFeature[];
  premises: Feature[];
}

function fail(msg: string): never {
  throw new Error(`check failed: ${msg}`);
}

function checkDecimals(name: string, features: Feature[]): void {
  const s = JSON.stringify(features.map((f) => f.geometry));
  const m = s.match(/\d\.\d{8,}/);
  if (m) fail(`${name}: a coordinate has more than 7 decimals (${m[0]})`);
}

function checkRefs(name: string, features: Feature[]): void {
  const seen = new Set<string>();
  for (const f of features) {
    const ref = f.properties?.ref;
    if (typeof ref !== 'string' || !ref) fail(`${name}: feature without ref`);
    if (seen.has(ref)) fail(`${name}: duplicate ref ${ref}`);
    seen.add(ref);
  }
}

const bboxesMeet = (a: PolyFeature, b: PolyFeature) => {
  const [x, y] = [turf.bbox(a), turf.bbox(b)];
  return x[0] <= y[2] && y[0] <= x[2] && x[1] <= y[3] && y[1] <= x[3];
};

/** Per-area counts printed by index.ts. */
export type Summary = Record<string, Record<string, unknown>>;

export function checkAll(layers: Layers, parcelsByArea: Record<string, Parcel[]>): Summary {
  for (const [name, fs] of Object.entries(layers)) {
    checkRefs(name, fs);
    checkDecimals(name, fs);
    for (const f of fs) if (f.geometry.type !== 'Point') assertValidPolygon(f, `${name} ${f.properties?.ref}`);
  }
  if (layers.municipalities.length !== 26) fail('municipalities: expected 26');
  const summary: Summary = {};
  const planIdsWithStatus = new Map<string, string>();
  for (const area of layers.areas) {
    const ref = String(area.properties.ref);
    const parcels = parcelsByArea[ref];
    const land = layers.land.filter((f) => f.properties.areaRef === ref);
    const zones = layers.plans.filter((z) => areaOutside(z, area) < 0.01 && overlapArea(z, area) > 0);
    const premises = layers.premises.filter((p) => turf.booleanPointInPolygon(p.geometry as never, area));
    // Containment and overlaps.
    for (const f of [...land, ...zones]) {
      const out = areaOutside(f, area);
      if (out > 0.01) fail(`${f.properties.ref} lies ${out.toFixed(2)} m² outside area ${ref}`);
    }
    for (let i = 0; i < land.length; i++) {
      for (let j = i + 1; j < land.length; j++) {
        if (bboxesMeet(land[i], land[j]) && overlapArea(land[i], land[j]) > 0.01) {
          fail(`parcels ${land[i].properties.ref} and ${land[j].properties.ref} overlap`);
        }
      }
    }
    let planOverlaps = 0;
    for (let i = 0; i < zones.length; i++) {
      for (let j = i + 1; j < zones.length; j++) {
        if (zones[i].properties.planId === zones[j].properties.planId || !bboxesMeet(zones[i], zones[j])) continue;
        if (overlapArea(zones[i], zones[j]) > 1) planOverlaps++;
      }
    }
    for (const p of premises) {
      if (!land.some((l) => turf.booleanPointInPolygon(p.geometry as never, l))) fail(`premises ${p.properties?.ref} not in a parcel`);
    }
    // Counts and guarantees of the brief.
    const m2 = land.map((f) => turf.area(f));
    if (land.length < 18) fail(`${ref}: ${land.length} parcels (< 18)`);
    if (m2.some((a) => a < 2000 || a > 60000)) fail(`${ref}: a parcel outside 2 000–60 000 m²`);
    if (ref === 'lanna' && m2.filter((a) => a >= 50000).length < 2) fail('lanna: fewer than 2 parcels >= 50 000 m²');
    const byStatus = countBy(land, 'status');
    if ((byStatus.available ?? 0) / land.length < 0.45) fail(`${ref}: under 45 % available`);
    const avail = parcels.filter((p) => p.feature.properties.status === 'available');
    const readyAvail = avail.filter((p) => p.context === 'ready').length;
    const progressAvail = avail.filter((p) => p.context === 'progress').length;
    if (readyAvail < 2 || progressAvail < 2) fail(`${ref}: ready/in-progress available parcels ${readyAvail}/${progressAvail}`);
    const noZone = parcels.filter((p) => p.zones.length === 0).length;
    const split = parcels.filter((p) => new Set(p.zones.map((z) => z.useCodes.join('+'))).size > 1).length;
    if (noZone < 2) fail(`${ref}: only ${noZone} parcels without any zone`);
    if (split < 1) fail(`${ref}: no parcel split between zones of different uses`);
    const plans = new Map<string, string>();
    for (const z of zones) plans.set(String(z.properties.planId), String(z.properties.status));
    for (const [id, s] of plans) planIdsWithStatus.set(id, s);
    const statuses = new Set(plans.values());
    if (plans.size < 5) fail(`${ref}: ${plans.size} plans (< 5)`);
    for (const s of ['in_force', 'review', 'consultation', 'programme']) if (!statuses.has(s)) fail(`${ref}: no ${s} plan`);
    if (premises.length < 12) fail(`${ref}: ${premises.length} premises (< 12)`);
    summary[ref] = {
      land: land.length,
      landByStatus: byStatus,
      landByOwner: countBy(land, 'ownerType'),
      landM2: { min: Math.round(Math.min(...m2)), max: Math.round(Math.max(...m2)), over50k: m2.filter((a) => a >= 50000).length },
      availableReady: readyAvail,
      availableInProgressOnly: progressAvail,
      parcelsWithoutZone: noZone,
      parcelsSplitBetweenUses: split,
      plans: plans.size,
      zones: zones.length,
      zonesByStatus: countBy(zones, 'status'),
      zoneOverlapsBetweenPlans: planOverlaps,
      premises: premises.length,
      premisesByKind: countBy(premises, 'kind'),
      premisesByStatus: countBy(premises, 'status'),
    };
  }
  const all = new Set(planIdsWithStatus.values());
  if (!all.has('adopted') || !all.has('cancelled')) fail('no adopted or no cancelled plan anywhere');
  checkPlanDates(layers.plans);
  return summary;
}

function checkPlanDates(zones: PolyFeature[]): void {
  let endingSoon = 0;
  for (const z of zones) {
    const p = z.properties as Record<string, string | null>;
    if (p.status === 'in_force') {
      if (!p.legalForceDate || p.legalForceDate > REFERENCE_DATE) fail(`${p.ref}: in_force needs a past legalForceDate`);
      const end = p.implementationEndDate;
      if (!end || end < addYears(p.legalForceDate, 5) || end > addYears(p.legalForceDate, 15)) fail(`${p.ref}: genomförandetid not 5–15 years`);
      if (end >= REFERENCE_DATE && end <= addYears(REFERENCE_DATE, 2)) endingSoon++;
    } else if (['review', 'consultation', 'adopted', 'programme'].includes(String(p.status))) {
      const e = p.expectedLegalForceDate;
      if (e && (e < '2026-01-01' || e > '2030-12-31')) fail(`${p.ref}: expectedLegalForceDate outside 2026–2030`);
    }
  }
  if (endingSoon < 2) fail('fewer than 2 in-force zones whose genomförandetid ends within 2 years');
}

export function countBy(features: Feature[], key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of features) {
    const v = String(f.properties?.[key]);
    out[v] = (out[v] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort());
}
