// The shared layout of one area: its blocks (kvarter, bounded by streets) and the plots in
// each block. Plans zone blocks (or parts of them); parcels are the plots.
import * as turf from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { blocks, convexHull, insetRing, plots, type Ring } from './partition';
import type { AreaRef } from './areas';
import { GRAIN_SPLIT, LAYOUTS } from './layout';
import { LocalFrame, Rng, type PolyFeature, type XY } from './util';

/** No plot is left larger than this (m²). */
export const MAX_PLOT_M2 = 60000;

/** Half the street width between blocks (m); zones stop 1 m short of it. */
export const STREET_HALF_WIDTH = 6;
export const ZONE_INSET = STREET_HALF_WIDTH - 1;
/** Half the gap between neighbouring plots of one block (m). */
export const PLOT_HALF_GAP = 0.75;

export interface Block {
  index: number; // 1-based, reading order
  ring: Ring; // convex, metric, before street inset
  plots: Ring[]; // convex, metric, inset
}

export interface Site {
  ref: AreaRef;
  area: PolyFeature;
  frame: LocalFrame;
  /** Area shrunk by 3 m: parcels are clipped to it. */
  parcelMask: PolyFeature;
  /** Area shrunk by 1 m: zones are clipped to it. */
  zoneMask: PolyFeature;
  blocks: Block[];
}

function outerRing(area: PolyFeature): number[][] {
  const g = area.geometry;
  if (g.type !== 'Polygon') throw new Error('site: area must be a Polygon');
  return g.coordinates[0];
}

export function buildSite(area: PolyFeature): Site {
  const ref = area.properties.ref as AreaRef;
  const layout = LAYOUTS[ref];
  const c = turf.centroid(area).geometry.coordinates;
  const frame = new LocalFrame(c[0], c[1]);
  const hull = convexHull(outerRing(area).map((p) => frame.toXY(p)));
  const rng = new Rng(`site:${ref}`);
  const rings = blocks(hull, layout.grains.length, rng);
  const shrink = (m: number): PolyFeature => {
    const b = turf.buffer(area, -m, { units: 'meters' }) as PolyFeature | undefined;
    if (!b) throw new Error(`site ${ref}: buffer failed`);
    return b;
  };
  return {
    ref,
    area,
    frame,
    parcelMask: shrink(3),
    zoneMask: shrink(1),
    blocks: rings.map((ring, i) => {
      const inner = insetRing(ring, STREET_HALF_WIDTH - PLOT_HALF_GAP);
      const pr = new Rng(`plots:${ref}:${i + 1}`);
      const sizes = { splitAbove: GRAIN_SPLIT[layout.grains[i]], hardMax: MAX_PLOT_M2 };
      return {
        index: i + 1,
        ring,
        plots: plots(inner, sizes, pr).map((r) => insetRing(r, PLOT_HALF_GAP)).filter((r) => r.length >= 3),
      };
    }),
  };
}

/** A metric ring as a lon/lat Polygon feature. */
export function toFeature(site: Site, ring: Ring): Feature<Polygon, Record<string, unknown>> {
  return site.frame.polygon(ring as XY[]);
}
