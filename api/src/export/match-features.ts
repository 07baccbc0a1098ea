/** A match result as the export writes it: one flat row per candidate site. */
interface Result {
  rank: number;
  kind: string;
  ref: string;
  areaRef: string | null;
  score: number;
  usableAreaM2: number | null;
  readiness: string;
  readyDate: string | null;
  planIds: string[];
  transit: { ref: string; name: string; mode: string; distanceM: number; departuresPerHour?: number | null } | null;
  buildingRight: { grossFloorAreaM2: number | null; buildingFootprintM2: number | null; maxHeightM: number | null } | null;
  geometry: unknown;
}

/**
 * The ranked sites of POST /api/match as a FeatureCollection (EPSG:4326), for the exports:
 * the explanation per criterion is folded to its score, the rest kept as columns.
 */
export function matchFeatureCollection(response: { results: unknown[] }): { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }> } {
  return {
    type: 'FeatureCollection',
    features: (response.results as Result[]).map((r) => ({
      type: 'Feature',
      geometry: r.geometry,
      properties: {
        rank: r.rank, kind: r.kind, ref: r.ref, areaRef: r.areaRef, score: r.score, usableAreaM2: r.usableAreaM2,
        readiness: r.readiness, readyDate: r.readyDate, planIds: r.planIds.join(','),
        transitStop: r.transit?.name ?? null, transitMode: r.transit?.mode ?? null, transitDistanceM: r.transit?.distanceM ?? null,
        grossFloorAreaM2: r.buildingRight?.grossFloorAreaM2 ?? null,
        buildingFootprintM2: r.buildingRight?.buildingFootprintM2 ?? null,
        maxHeightM: r.buildingRight?.maxHeightM ?? null,
      },
    })),
  };
}
