import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { fetchLayer } from '../shared/api';

/** Boverket's colours for the use codes most seen in business areas (first code wins). */
const USE_COLOURS: Record<string, string> = {
  B: '#f4e04d', C: '#b5835a', D: '#e06666', H: '#b5835a', J: '#8c9cb4', K: '#b5835a', S: '#e06666', Z: '#e6d3a3',
};

const useColour = ['match', ['slice', ['at', 0, ['get', 'useCodes']], 0, 1],
  ...Object.entries(USE_COLOURS).flat(), '#cccccc'] as unknown as ExpressionSpecification;

/** Adds municipalities, areas, plans, land, premises and stops as GeoJSON sources and layers. */
export async function addDataLayers(map: MapLibreMap): Promise<void> {
  const [municipalities, areas, plans, land, premises, stops] = await Promise.all(
    ['municipalities', 'areas', 'plans', 'land', 'premises', 'stops'].map((l) => fetchLayer(l)),
  );
  map.addSource('municipalities', { type: 'geojson', data: municipalities });
  map.addSource('areas', { type: 'geojson', data: areas });
  map.addSource('plans', { type: 'geojson', data: plans });
  map.addSource('land', { type: 'geojson', data: land });
  map.addSource('premises', { type: 'geojson', data: premises });
  map.addSource('stops', { type: 'geojson', data: stops });

  map.addLayer({ id: 'municipalities-fill', type: 'fill', source: 'municipalities',
    paint: { 'fill-color': ['match', ['get', 'relation'], 'focus', '#ffffff', '#e3e6e1'], 'fill-opacity': 0.9 } });
  map.addLayer({ id: 'municipalities-line', type: 'line', source: 'municipalities', paint: { 'line-color': '#7a7f78', 'line-width': 1 } });
  map.addLayer({ id: 'plans-fill', type: 'fill', source: 'plans', paint: { 'fill-color': useColour, 'fill-opacity': 0.55 } });
  map.addLayer({ id: 'land-line', type: 'line', source: 'land',
    paint: { 'line-color': ['match', ['get', 'status'], 'available', '#1b7f3b', 'reserved', '#c27c0e', '#777777'], 'line-width': 1.5 } });
  map.addLayer({ id: 'areas-line', type: 'line', source: 'areas', paint: { 'line-color': '#1f3a93', 'line-width': 3 } });
  map.addLayer({ id: 'premises-circle', type: 'circle', source: 'premises',
    paint: { 'circle-radius': 5, 'circle-color': '#6a1b9a', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } });
  map.addLayer({ id: 'stops-circle', type: 'circle', source: 'stops',
    paint: { 'circle-radius': ['match', ['get', 'mode'], 'bus', 3, 6], 'circle-color': '#d32f2f',
      'circle-opacity': ['case', ['get', 'planned'], 0.4, 1], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } });
}
