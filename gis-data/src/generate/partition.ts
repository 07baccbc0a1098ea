// Convex-polygon partitions in a local metric frame: the blocks (kvarter) of an area and the
// plots inside each block, by seeded binary space partition with slanted cuts.
import { Rng, type XY } from './util';

export type Ring = XY[]; // open ring, counter-clockwise

export function ringArea(r: Ring): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const [a, b] = [r[i], r[(i + 1) % r.length]];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

export function ringCentroid(r: Ring): XY {
  let [cx, cy, s] = [0, 0, 0];
  for (let i = 0; i < r.length; i++) {
    const [a, b] = [r[i], r[(i + 1) % r.length]];
    const c = a[0] * b[1] - b[0] * a[1];
    cx += (a[0] + b[0]) * c;
    cy += (a[1] + b[1]) * c;
    s += c;
  }
  return [cx / (3 * s), cy / (3 * s)];
}

/** Keeps the part of a convex ring where n·p >= c (Sutherland–Hodgman, one half-plane). */
export function clipHalfPlane(r: Ring, n: XY, c: number): Ring {
  const out: Ring = [];
  const f = (p: XY) => n[0] * p[0] + n[1] * p[1] - c;
  for (let i = 0; i < r.length; i++) {
    const [a, b] = [r[i], r[(i + 1) % r.length]];
    const [fa, fb] = [f(a), f(b)];
    if (fa >= 0) out.push(a);
    if ((fa >= 0) !== (fb >= 0)) {
      const t = fa / (fa - fb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out.length >= 3 && ringArea(out) > 1e-6 ? out : [];
}

/** Splits a convex ring by the line through q with direction angle theta (radians). */
export function splitRing(r: Ring, q: XY, theta: number): [Ring, Ring] {
  const n: XY = [-Math.sin(theta), Math.cos(theta)];
  const c = n[0] * q[0] + n[1] * q[1];
  return [clipHalfPlane(r, n, c), clipHalfPlane(r, [-n[0], -n[1]], -c)];
}

/** Moves every edge of a convex CCW ring inward by d metres. */
export function insetRing(r: Ring, d: number): Ring {
  let out = r;
  for (let i = 0; i < r.length && out.length; i++) {
    const [a, b] = [r[i], r[(i + 1) % r.length]];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len < 1e-9) continue;
    const n: XY = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len]; // left normal = inward for CCW
    out = clipHalfPlane(out, n, n[0] * a[0] + n[1] * a[1] + d);
  }
  return out;
}

/**
 * Long-axis angle of a convex ring: the longer side of its minimum-area bounding rectangle
 * (tried along every edge direction), so cuts come out square to the plot's long side.
 */
export function principalAngle(r: Ring): number {
  let best = { area: Infinity, angle: 0 };
  for (let i = 0; i < r.length; i++) {
    const [a, b] = [r[i], r[(i + 1) % r.length]];
    const t = Math.atan2(b[1] - a[1], b[0] - a[0]);
    const [c, s] = [Math.cos(t), Math.sin(t)];
    const u = r.map((p) => p[0] * c + p[1] * s);
    const v = r.map((p) => -p[0] * s + p[1] * c);
    const [w, h] = [Math.max(...u) - Math.min(...u), Math.max(...v) - Math.min(...v)];
    if (w * h < best.area - 1e-9) best = { area: w * h, angle: w >= h ? t : t + Math.PI / 2 };
  }
  return best.angle;
}

/** Cuts a convex ring across its long axis at 38–62 % with a slightly slanted line (±8°). */
export function cutAcross(r: Ring, rng: Rng): [Ring, Ring] {
  const axis = principalAngle(r);
  const u: XY = [Math.cos(axis), Math.sin(axis)];
  const proj = r.map((p) => p[0] * u[0] + p[1] * u[1]);
  const [lo, hi] = [Math.min(...proj), Math.max(...proj)];
  const s = lo + (hi - lo) * rng.range(0.38, 0.62);
  const [cx, cy] = ringCentroid(r);
  const off = s - (cx * u[0] + cy * u[1]);
  const q: XY = [cx + off * u[0], cy + off * u[1]];
  const theta = axis + Math.PI / 2 + rng.range(-0.14, 0.14);
  return splitRing(r, q, theta);
}

/** Splits the largest ring until there are `count` blocks; returned in reading order. */
export function blocks(outer: Ring, count: number, rng: Rng): Ring[] {
  let rings = [outer];
  while (rings.length < count) {
    rings.sort((a, b) => ringArea(b) - ringArea(a));
    const [big, ...rest] = rings;
    const [a, b] = cutAcross(big, rng);
    if (!a.length || !b.length) throw new Error('partition: degenerate block cut');
    rings = [...rest, a, b];
  }
  // Reading order: north to south in bands of ~250 m, then west to east.
  return rings.sort((a, b) => {
    const [ca, cb] = [ringCentroid(a), ringCentroid(b)];
    const [ba, bb] = [Math.round(-ca[1] / 250), Math.round(-cb[1] / 250)];
    return ba !== bb ? ba - bb : ca[0] - cb[0];
  });
}

export interface PlotSizes {
  /** A plot is split while larger than a threshold drawn per plot from [min, max] m². */
  splitAbove: [number, number];
  /** Never leave a plot larger than this (m², before clipping). */
  hardMax: number;
}

/** Splits a block into plots by recursive cuts; plots come out in a stable order. */
export function plots(block: Ring, sizes: PlotSizes, rng: Rng): Ring[] {
  const out: Ring[] = [];
  const visit = (r: Ring) => {
    const a = ringArea(r);
    const threshold = rng.range(sizes.splitAbove[0], sizes.splitAbove[1]);
    if (a > sizes.hardMax || a > threshold) {
      const [x, y] = cutAcross(r, rng);
      if (x.length && y.length) {
        visit(x);
        visit(y);
        return;
      }
    }
    out.push(r);
  };
  visit(block);
  return out;
}

/** Convex hull (monotone chain), counter-clockwise, open. */
export function convexHull(points: XY[]): Ring {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: XY, a: XY, b: XY) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (pts: XY[]) => {
    const h: XY[] = [];
    for (const q of pts) {
      while (h.length >= 2 && cross(h[h.length - 2], h[h.length - 1], q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  return [...half(p), ...half([...p].reverse())];
}
