// Browser-side geometry checks before the server's: self-intersection (turf's kinks, the
// same test the API runs) and the area in m², computed in SWEREF 99 TM like the API's areaM2.
import { kinks } from '@turf/kinks';
import type { Polygon } from 'geojson';

export type Ring = number[][];

/** Planar area of a polygon in its own units (metres in EPSG:3006): shell minus holes. */
export function polygonAreaM2(rings: Ring[]): number {
  const ringArea = (r: Ring) => {
    let sum = 0;
    for (let i = 0; i < r.length - 1; i++) sum += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
    return Math.abs(sum) / 2;
  };
  if (!rings.length) return 0;
  return rings.slice(1).reduce((a, r) => a - ringArea(r), ringArea(rings[0]));
}

export type GeometryVerdict =
  | { ok: true; areaM2?: number }
  | { ok: false; reason: 'selfIntersection'; at: [number, number]; areaM2: number }
  | { ok: false; reason: 'tooFewCorners' };

/** What is wrong with a polygon being drawn or edited, and its area so far. */
export function checkPolygon(rings: Ring[]): GeometryVerdict {
  const shell = rings[0] ?? [];
  // a closed ring of a triangle has 4 positions
  if (shell.length < 4) return { ok: false, reason: 'tooFewCorners' };
  const areaM2 = polygonAreaM2(rings);
  const found = kinks({ type: 'Polygon', coordinates: rings } as Polygon);
  if (found.features.length > 0) {
    const [x, y] = found.features[0].geometry.coordinates;
    return { ok: false, reason: 'selfIntersection', at: [x, y], areaM2 };
  }
  return { ok: true, areaM2 };
}
