/**
 * The first check of any incoming geometry, before anything recurses over it or copies it:
 * the nesting each GeoJSON type has (no deeper, no shallower), positions of two finite
 * numbers, and at most `maxVertices` positions. Linear, iterative, stops at the first fault:
 * coordinates nested 10 000 deep, a 60 000-vertex circle or `1e999` cost a few steps.
 */
const DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

function positionProblem(p: unknown): string | undefined {
  if (!Array.isArray(p)) return 'a position must be an array [x, y]';
  if (p.some(Array.isArray)) return 'a position holds an array: the coordinates are nested too deep for this type';
  if (p.length !== 2) return `coordinates must be 2D [x, y]; found a position with ${p.length} values`;
  for (const v of p) {
    if (typeof v !== 'number') return `a position must hold two numbers; found ${v === null ? 'null' : typeof v}`;
    if (!Number.isFinite(v)) return 'a coordinate is not a finite number (too large for a double, e.g. 1e999)';
  }
  return undefined;
}

export function shapeProblem(type: string, coordinates: unknown, maxVertices: number): string | undefined {
  const depth = DEPTH[type];
  if (depth === undefined) return undefined;
  if (depth === 0) return positionProblem(coordinates);
  let vertices = 0;
  // Breadth-first over exactly `depth` levels of arrays; then every element is a position.
  let level: unknown[] = [coordinates];
  for (let d = 0; d < depth; d++) {
    const next: unknown[] = [];
    for (const a of level) {
      if (!Array.isArray(a)) return `coordinates: expected an array at nesting level ${d + 1} of a ${type}`;
      if (a.length === 0) return `coordinates: an empty array at nesting level ${d + 1} (an empty ${type} is not allowed)`;
      if (d === depth - 1) {
        vertices += a.length;
        if (vertices > maxVertices) {
          return `has more than ${maxVertices} vertices, the limit per feature (simplify it first, e.g. in QGIS)`;
        }
      }
      for (const x of a) next.push(x);
    }
    level = next;
  }
  for (const p of level) {
    const problem = positionProblem(p);
    if (problem) return problem;
  }
  return undefined;
}
