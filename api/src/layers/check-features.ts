import GJV from 'geojson-validation';
import type { Srid } from '../geo/crs';
import { geometryProblem } from '../geo/validate-geometry';
import { shapeProblem } from '../geo/geometry-shape';
import { bodyProblem } from '../http/input-guard';
import { zodMessage } from '../http/validate';
import { PLAN_LEVEL_FIELDS } from '../plans/schema';
import { LAYERS, type LayerName } from './registry';
import { LoadError, type LoadIssue } from './load-error';

export interface CheckedFeature {
  index: number;
  ref: string;
  properties: Record<string, unknown> & { ref: string };
  geometry: unknown;
  /** Properties outside the layer's contract (e.g. a GIS tool's `fid`): not stored, reported. */
  ignored: string[];
}

/** How many features carried each property outside the contract, for the load summary. */
export function ignoredProperties(items: CheckedFeature[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) for (const key of item.ignored) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

// Past this many problems a listing stops helping; the count still tells the size.
const MAX_ISSUES = 50;

/** Parses a layer file's text; malformed JSON or a non-FeatureCollection is a LoadError. */
export function parseFeatureCollection(text: string): { features: unknown[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new LoadError([{ index: null, reason: `malformed JSON: ${(err as Error).message}` }]);
  }
  if (!json || typeof json !== 'object' || (json as { type?: unknown }).type !== 'FeatureCollection') {
    throw new LoadError([{ index: null, reason: 'the file is not a GeoJSON FeatureCollection' }]);
  }
  if (!Array.isArray((json as { features?: unknown }).features)) {
    throw new LoadError([{ index: null, reason: 'the FeatureCollection has no features array' }]);
  }
  return json as { features: unknown[] };
}

function refOf(f: unknown): string | undefined {
  const ref = (f as { properties?: { ref?: unknown } })?.properties?.ref;
  return typeof ref === 'string' ? ref : undefined;
}

function checkOne(layer: LayerName, f: unknown, index: number, srid: Srid): CheckedFeature | LoadIssue {
  const ref = refOf(f);
  // The bounded shape check comes before geojson-validation, which trips over empty rings.
  const geometry = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
  if (geometry && typeof geometry === 'object') {
    const shape = shapeProblem(String(geometry.type), geometry.coordinates, Number.MAX_SAFE_INTEGER);
    if (shape) return { index, ref, reason: `invalid ${String(geometry.type)}: ${shape}` };
  }
  const structure = GJV.isFeature(f, true) as string[];
  if (structure.length > 0) return { index, ref, reason: `not a valid GeoJSON Feature: ${structure.join('; ')}` };
  const feature = f as { properties: unknown; geometry: unknown };
  if (!feature.properties || typeof feature.properties !== 'object') return { index, ref, reason: 'properties: must be an object' };
  if (ref === undefined) return { index, reason: "properties.ref: is required (a non-empty string, unique within the layer)" };
  // PostgreSQL text cannot hold a NUL: named here, not left to fail the COPY as a database error
  const nul = bodyProblem(feature.properties);
  if (nul) return { index, ref: ref.replace(/\0/g, '\\0'), reason: nul.replace(/^body/, 'properties') };
  const spec = LAYERS[layer];
  const geo = geometryProblem(feature.geometry, spec.geometryKinds, srid);
  if (geo) return { index, ref, reason: geo };
  // Files from GIS tools carry attributes of their own; the contract's are checked strictly,
  // the rest are left out of the database and named in the summary, never silently kept.
  const contract = new Set(Object.keys(spec.properties.shape));
  const given = Object.entries(feature.properties as Record<string, unknown>);
  const ignored = given.filter(([k]) => !contract.has(k)).map(([k]) => k);
  const props = spec.properties.safeParse(Object.fromEntries(given.filter(([k]) => contract.has(k))));
  if (!props.success) return { index, ref, reason: zodMessage(props.error) };
  return { index, ref, properties: props.data as CheckedFeature['properties'], geometry: feature.geometry, ignored };
}

/**
 * Checks features one at a time as a file streams past (structure, geometry, properties,
 * plan consistency), remembering only what later features are compared with: the first
 * zone of each plan, the counts of ignored properties and the first problems found.
 * Duplicate refs and OGC validity are judged by the database after the COPY (constant memory).
 */
export class FeatureChecker {
  private readonly issues: LoadIssue[] = [];
  private issueCount = 0;
  private readonly planFirst = new Map<string, CheckedFeature>();
  readonly ignored: Record<string, number> = {};

  constructor(readonly layer: LayerName, readonly srid: Srid) {}

  /** The checked feature, or undefined when it has a problem (recorded). */
  check(f: unknown, index: number): CheckedFeature | undefined {
    const r = checkOne(this.layer, f, index, this.srid);
    if (!('properties' in r)) return void this.add(r);
    if (this.layer === 'plans' && this.planDiffers(r)) return undefined;
    for (const key of r.ignored) this.ignored[key] = (this.ignored[key] ?? 0) + 1;
    return r;
  }

  add(issue: LoadIssue): void {
    this.issueCount++;
    // Keep the first problems by index; a file is read in order, so these are the ones shown.
    if (this.issues.length <= MAX_ISSUES) this.issues.push(issue);
  }

  get failed(): boolean {
    return this.issueCount > 0;
  }

  /** Throws the recorded problems as one LoadError (sorted, at most MAX_ISSUES shown). */
  throwIfFailed(): void {
    if (this.issueCount === 0) return;
    const sorted = [...this.issues].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
    const shown = sorted.slice(0, MAX_ISSUES);
    if (this.issueCount > MAX_ISSUES) shown.push({ index: null, reason: `... and ${this.issueCount - MAX_ISSUES} more problems` });
    throw new LoadError(shown);
  }

  /** Every zone of a plan must carry the same plan-level fields. */
  private planDiffers(item: CheckedFeature): boolean {
    const planId = item.properties.planId as string;
    const seen = this.planFirst.get(planId);
    if (!seen) {
      this.planFirst.set(planId, item);
      return false;
    }
    const differs = PLAN_LEVEL_FIELDS.find((k) => (item.properties[k] ?? null) !== (seen.properties[k] ?? null));
    if (!differs) return false;
    this.add({ index: item.index, ref: item.ref, reason: `${differs} differs from feature ${seen.index} of the same plan '${planId}'` });
    return true;
  }
}

/**
 * Checks every feature of an in-memory layer (structure, geometry, properties, unique refs,
 * plan consistency) without touching the database; throws a LoadError listing the problems.
 */
export function checkFeatures(layer: LayerName, features: unknown[], srid: Srid): CheckedFeature[] {
  const checker = new FeatureChecker(layer, srid);
  const items: CheckedFeature[] = [];
  const seenRefs = new Map<string, number>();
  features.forEach((f, index) => {
    const r = checker.check(f, index);
    if (!r) return;
    const dup = seenRefs.get(r.ref);
    if (dup !== undefined) return void checker.add({ index, ref: r.ref, reason: `duplicate ref: feature ${dup} has the same ref` });
    seenRefs.set(r.ref, index);
    items.push(r);
  });
  checker.throwIfFailed();
  return items;
}
