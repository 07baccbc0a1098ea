// plans.geojson: one feature per use zone of the (illustrative) detailed plans of each area.
import * as turf from '@turf/turf';
import { insetRing, principalAngle, ringArea, ringCentroid, splitRing, type Ring } from './partition';
import { LAYOUTS, type PlanSpec, type ZoneSpec } from './layout';
import { toFeature, ZONE_INSET, type Block, type Site } from './site';
import { addYears, assertValidPolygon, largestPart, roundGeometry, roundTo, type PolyFeature } from './util';

export const PLAN_SOURCE = 'Invented by Etablera for demonstration; not a real detaljplan (illustrative)';

/** Turn of the split line against a block's long axis: slanted, so it crosses plots. */
const SPLIT_TURN = (35 * Math.PI) / 180;

/** The two sides of a block's split line, from the block's zone ring. */
export function blockSides(block: Block): [Ring, Ring] {
  const ring = insetRing(block.ring, ZONE_INSET);
  return splitRing(ring, ringCentroid(ring), principalAngle(ring) + SPLIT_TURN);
}

function zoneRing(block: Block, zone: ZoneSpec): Ring {
  if (!zone.part) return insetRing(block.ring, ZONE_INSET);
  const [a, b] = blockSides(block);
  return zone.part === 'a' ? a : b;
}

function planDates(plan: PlanSpec) {
  if (plan.status === 'in_force' && !plan.legalForceDate) throw new Error(`${plan.planId}: in_force without legalForceDate`);
  const legal = plan.legalForceDate ?? null;
  const implementationEndDate =
    plan.status === 'in_force' && legal && plan.implYears ? addYears(legal, plan.implYears) : null;
  return {
    legalForceDate: legal,
    expectedLegalForceDate: plan.status === 'in_force' || plan.status === 'cancelled' ? null : plan.expectedLegalForceDate ?? null,
    implementationEndDate,
    statusChangedAt: plan.statusChangedAt ?? legal,
  };
}

export function buildPlans(site: Site): PolyFeature[] {
  const out: PolyFeature[] = [];
  for (const plan of LAYOUTS[site.ref].plans) {
    const dates = planDates(plan);
    plan.zones.forEach((zone, i) => {
      const block = site.blocks.find((b) => b.index === zone.block);
      if (!block) throw new Error(`${plan.planId}: no block ${zone.block} in ${site.ref}`);
      const ring = zoneRing(block, zone);
      if (ringArea(ring) <= 0) throw new Error(`${plan.planId}: empty zone ring`);
      const clipped = turf.intersect(turf.featureCollection([toFeature(site, ring), site.zoneMask])) as PolyFeature | null;
      const part = largestPart(clipped);
      if (!clipped || !part) throw new Error(`${plan.planId} zone ${i + 1}: outside the area`);
      const dropped = turf.area(clipped) - turf.area(part);
      if (dropped > 200) console.warn(`  note: ${plan.planId}-Z${i + 1} drops ${Math.round(dropped)} m² outside its main part`);
      const ref = `${plan.planId}-Z${i + 1}`;
      const geometry = roundGeometry(part.geometry);
      const zoneArea = turf.area(geometry);
      const feature = turf.feature(geometry, {
        ref,
        planId: plan.planId,
        planName: plan.planName,
        status: plan.status,
        useCodes: zone.useCodes,
        legalForceDate: dates.legalForceDate,
        expectedLegalForceDate: dates.expectedLegalForceDate,
        implementationEndDate: dates.implementationEndDate,
        maxGrossFloorAreaM2: zone.e ? roundTo(zoneArea * zone.e, 100) : null,
        maxHeightM: zone.maxHeightM ?? null,
        statusChangedAt: dates.statusChangedAt,
        illustrative: true,
        source: PLAN_SOURCE,
      }) as PolyFeature;
      assertValidPolygon(feature, `plan zone ${ref}`);
      out.push(feature);
    });
  }
  return out;
}
