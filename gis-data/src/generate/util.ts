// Shared helpers of the generator: paths, seeded randomness, rounding, validation, output.
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

export const GIS_DIR = path.resolve(__dirname, '../..');
export const LAYERS_DIR = path.join(GIS_DIR, 'layers');
export const REFERENCE_DIR = path.join(GIS_DIR, 'reference');

/** Reference date of the generated data set (plan dates are chosen relative to it). */
export const REFERENCE_DATE = '2026-11-24';

export const ILLUSTRATIVE_SOURCE = 'Invented by Etablera for demonstration (illustrative, not real data)';

export type PolyFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
export type XY = [number, number];

// ---------------------------------------------------------------- randomness

/** FNV-1a hash of a string, used to derive a seed from a name. */
export function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Small deterministic PRNG (mulberry32); one stream per named purpose. */
export class Rng {
  private state: number;
  constructor(name: string) {
    this.state = hashSeed(name);
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(a: number, b: number): number {
    return a + (b - a) * this.next();
  }
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks a key by weight from a record of weights. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const keys = Object.keys(weights) as K[];
    const total = keys.reduce((s, k) => s + weights[k], 0);
    let r = this.next() * total;
    for (const k of keys) {
      r -= weights[k];
      if (r < 0) return k;
    }
    return keys[keys.length - 1];
  }
}

// ---------------------------------------------------------------- numbers and dates

export const round7 = (n: number): number => Math.round(n * 1e7) / 1e7;
export const roundTo = (n: number, step: number): number => Math.round(n / step) * step;

export function addYears(iso: string, years: number, days = 0): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- local metric frame

const EARTH_R = 6371008.8;

/** Equirectangular metres around an origin: accurate to well under 0.1 % over a few km. */
export class LocalFrame {
  private readonly kx: number;
  private readonly ky: number;
  constructor(readonly lon0: number, readonly lat0: number) {
    this.ky = (EARTH_R * Math.PI) / 180;
    this.kx = this.ky * Math.cos((lat0 * Math.PI) / 180);
  }
  toXY(p: Position): XY {
    return [(p[0] - this.lon0) * this.kx, (p[1] - this.lat0) * this.ky];
  }
  toLonLat(p: XY): Position {
    return [this.lon0 + p[0] / this.kx, this.lat0 + p[1] / this.ky];
  }
  /** A closed GeoJSON Polygon from an open metric ring. */
  polygon(ring: XY[], props: Record<string, unknown> = {}): Feature<Polygon, Record<string, unknown>> {
    const coords = ring.map((p) => this.toLonLat(p));
    coords.push([...coords[0]]);
    return turf.polygon([coords], props);
  }
}

// ---------------------------------------------------------------- geometry

/** Rounds a geometry to 7 decimals, dropping consecutive duplicate positions. */
export function roundGeometry<G extends Geometry>(g: G): G {
  const pos = (p: Position): Position => [round7(p[0]), round7(p[1])];
  const ring = (r: Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of r.map(pos)) {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    const [f, l] = [out[0], out[out.length - 1]];
    if (f[0] !== l[0] || f[1] !== l[1]) out.push([...f]);
    return out;
  };
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: pos(g.coordinates) } as G;
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map(ring) } as G;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) } as G;
    default:
      throw new Error(`roundGeometry: unsupported ${g.type}`);
  }
}

/** Throws unless the (Multi)Polygon has closed rings of >= 4 positions, no kinks and is valid. */
export function assertValidPolygon(f: Feature, label: string): void {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) throw new Error(`${label}: not a Polygon/MultiPolygon`);
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polys) {
    for (const r of rings) {
      const [a, b] = [r[0], r[r.length - 1]];
      if (r.length < 4) throw new Error(`${label}: ring with fewer than 4 positions`);
      if (a[0] !== b[0] || a[1] !== b[1]) throw new Error(`${label}: ring is not closed`);
    }
    const k = turf.kinks(turf.polygon(rings)).features;
    if (k.length > 0) throw new Error(`${label}: self-intersection at ${JSON.stringify(k[0].geometry.coordinates)}`);
  }
  if (!turf.booleanValid(f)) throw new Error(`${label}: turf.booleanValid is false`);
}

/** Area in m² of the part of `a` outside `b` (0 when `a` lies inside `b`). */
export function areaOutside(a: PolyFeature, b: PolyFeature): number {
  const d = turf.difference(turf.featureCollection([a, b]));
  return d ? turf.area(d) : 0;
}

/** Area in m² of the intersection of two polygons. */
export function overlapArea(a: PolyFeature, b: PolyFeature): number {
  const i = turf.intersect(turf.featureCollection([a, b]));
  return i ? turf.area(i) : 0;
}

/** The largest Polygon of an intersection result (or null). */
export function largestPart(f: PolyFeature | null): Feature<Polygon, Record<string, unknown>> | null {
  if (!f) return null;
  if (f.geometry.type === 'Polygon') return f as Feature<Polygon, Record<string, unknown>>;
  let best: Feature<Polygon, Record<string, unknown>> | null = null;
  for (const coords of f.geometry.coordinates) {
    const p = turf.polygon(coords) as Feature<Polygon, Record<string, unknown>>;
    if (!best || turf.area(p) > turf.area(best)) best = p;
  }
  return best;
}

export function vertexCount(f: PolyFeature): number {
  const g = f.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((s, rings) => s + rings.reduce((t, r) => t + r.length - 1, 0), 0);
}

// ---------------------------------------------------------------- output

/** Writes a FeatureCollection with one compact feature per line (stable, diff-friendly). */
export function writeCollection(file: string, features: Feature[]): void {
  const lines = features.map((f) =>
    JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }),
  );
  const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export type Collection = FeatureCollection<Geometry, Record<string, unknown>>;
