import type { FeatureCollection } from 'geojson';

/** Fetches a layer of the read API as GeoJSON (EPSG:4326). */
export async function fetchLayer(layer: string, params: Record<string, string> = {}): Promise<FeatureCollection> {
  const qs = new URLSearchParams(params).toString();
  const res = await fetch(`/api/${layer}${qs ? `?${qs}` : ''}`);
  if (!res.ok) throw new Error(`GET /api/${layer}: ${res.status}`);
  return res.json();
}
