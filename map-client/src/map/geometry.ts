// Small geometry helpers for placing markers and fitting the view (lon/lat, no projection).

export type Bbox = [number, number, number, number];

/** Every position of a GeoJSON geometry. */
function positions(g: GeoJSON.Geometry): number[][] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'MultiLineString': case 'Polygon': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    case 'GeometryCollection': return g.geometries.flatMap(positions);
  }
}

/** [west, south, east, north] of one or more geometries; null when there is nothing. */
export function bboxOf(...geoms: GeoJSON.Geometry[]): Bbox | null {
  const pts = geoms.flatMap(positions);
  if (pts.length === 0) return null;
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of pts) {
    b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
  }
  return b;
}

/**
 * Where to put a label: the point itself, else the area-weighted centroid of the largest
 * polygon's outer ring (good enough for parcels, which are compact).
 */
export function labelPoint(g: GeoJSON.Geometry): [number, number] {
  if (g.type === 'Point') return g.coordinates as [number, number];
  const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0]) : [];
  let best: [number, number] | null = null;
  let bestArea = -1;
  for (const ring of rings) {
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const f = x0 * y1 - x1 * y0;
      a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
    }
    if (Math.abs(a) > bestArea && a !== 0) {
      bestArea = Math.abs(a);
      best = [cx / (3 * a), cy / (3 * a)];
    }
  }
  if (best) return best;
  const b = bboxOf(g)!;
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}
