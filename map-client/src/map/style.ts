import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { tileUrl } from '../shared/api';
import {
  AREA_COLOUR, BACKGROUND, LAND_STATUS_COLOURS, OWNER_COLOURS, PREMISES_COLOURS, RESULT_COLOUR, STOP_COLOURS, matchColour,
} from './palette';

const expr = (e: unknown[]) => e as unknown as ExpressionSpecification;
const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const BOVERKET = 'Källa: Boverket, Planbestämmelsekatalogen';

/** The map's layer groups, bottom to top: what a toggle in the legend switches. */
export const LAYER_GROUPS = {
  municipalities: ['municipalities-fill', 'municipalities-line'],
  plans: ['plans-fill', 'plans-line', 'plans-line-pipeline'],
  land: ['land-fill', 'land-line'],
  areas: ['areas-line'],
  premises: ['premises-circle'],
  stops: ['stops-circle'],
  results: ['results-fill', 'results-outline', 'results-point'],
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;

/** Layers whose features answer hover and click with their facts. */
export const INTERACTIVE_LAYERS = ['premises-circle', 'stops-circle', 'land-fill', 'plans-fill', 'areas-line'];

const layers: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } },
  { id: 'municipalities-fill', type: 'fill', source: 'municipalities', 'source-layer': 'municipalities',
    paint: { 'fill-color': expr(['match', ['get', 'relation'], 'focus', '#fbfbf8', '#eceeea']) } },
  { id: 'municipalities-line', type: 'line', source: 'municipalities', 'source-layer': 'municipalities',
    paint: { 'line-color': '#6b716a', 'line-width': expr(['match', ['get', 'relation'], 'focus', 2.5, 1]) } },
  { id: 'plans-fill', type: 'fill', source: 'plans', 'source-layer': 'plans',
    paint: {
      'fill-color': expr(['get', 'colour']),
      // Zones not yet in force are fainter: they are the pipeline, not building rights.
      'fill-opacity': expr(['match', ['get', 'status'], 'in_force', 0.6, 'cancelled', 0.1, 0.3]),
    } },
  { id: 'plans-line', type: 'line', source: 'plans', 'source-layer': 'plans', filter: expr(['==', ['get', 'status'], 'in_force']),
    paint: { 'line-color': '#7a6a4f', 'line-width': 0.8 } },
  { id: 'plans-line-pipeline', type: 'line', source: 'plans', 'source-layer': 'plans', filter: expr(['!=', ['get', 'status'], 'in_force']),
    paint: { 'line-color': '#7a6a4f', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
  { id: 'land-fill', type: 'fill', source: 'land', 'source-layer': 'land',
    paint: { 'fill-color': expr(matchColour('status', LAND_STATUS_COLOURS)), 'fill-opacity': 0.35 } },
  { id: 'land-line', type: 'line', source: 'land', 'source-layer': 'land',
    paint: { 'line-color': expr(matchColour('ownerType', OWNER_COLOURS)), 'line-width': 1.5 } },
  { id: 'areas-line', type: 'line', source: 'areas', 'source-layer': 'areas',
    paint: { 'line-color': AREA_COLOUR, 'line-width': 3, 'line-opacity': 0.85 } },
  { id: 'results-fill', type: 'fill', source: 'results', filter: expr(['!=', ['geometry-type'], 'Point']),
    paint: { 'fill-color': RESULT_COLOUR, 'fill-opacity': expr(['case', ['boolean', ['feature-state', 'selected'], false], 0.45, 0.2]) } },
  { id: 'results-outline', type: 'line', source: 'results', filter: expr(['!=', ['geometry-type'], 'Point']),
    paint: { 'line-color': RESULT_COLOUR, 'line-width': expr(['case', ['get', 'top'], 4, 2]) } },
  { id: 'premises-circle', type: 'circle', source: 'premises',
    paint: {
      // Small in the overview, full size where a site is read.
      'circle-radius': expr(['interpolate', ['linear'], ['zoom'], 10, 2.5, 14, 6]),
      'circle-color': expr(matchColour('kind', PREMISES_COLOURS)),
      // A stale listing (not confirmed by its owner) is shown faded, as it is left out of matching.
      'circle-opacity': expr(['case', ['boolean', ['get', 'stale'], false], 0.35, 1]),
      'circle-stroke-color': expr(['case', ['boolean', ['get', 'stale'], false], '#777777', '#ffffff']),
      'circle-stroke-width': 1.5,
    } },
  { id: 'stops-circle', type: 'circle', source: 'stops',
    paint: {
      'circle-radius': expr(['interpolate', ['linear'], ['zoom'], 10, ['match', ['get', 'mode'], 'bus', 1.5, 4], 14, ['match', ['get', 'mode'], 'bus', 4, 7]]),
      'circle-color': expr(matchColour('mode', STOP_COLOURS)),
      // Planned stops are faded: not there yet.
      'circle-opacity': expr(['case', ['get', 'planned'], 0.35, 1]),
      'circle-stroke-color': expr(['case', ['get', 'planned'], '#444444', '#ffffff']),
      'circle-stroke-width': expr(['case', ['get', 'planned'], 1, 1.5]),
      'circle-stroke-opacity': 1,
    } },
  { id: 'results-point', type: 'circle', source: 'results', filter: expr(['==', ['geometry-type'], 'Point']),
    paint: { 'circle-radius': expr(['case', ['get', 'top'], 11, 9]), 'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': RESULT_COLOUR, 'circle-stroke-width': expr(['case', ['get', 'top'], 4, 2]) } },
];

/**
 * The whole map in one style that needs no network: municipal boundaries as the basemap,
 * the polygon layers as vector tiles from this server, points and results as GeoJSON (filled
 * in by the page). An external basemap, when configured, goes underneath (see basemap.ts).
 */
export function offlineStyle(): StyleSpecification {
  const vector = (layer: string, attribution?: string) => ({
    type: 'vector' as const,
    tiles: [tileUrl(layer)],
    minzoom: 0,
    maxzoom: 16,
    ...(attribution ? { attribution } : {}),
  });
  return {
    version: 8,
    sources: {
      municipalities: vector('municipalities'),
      areas: vector('areas'),
      land: vector('land'),
      plans: vector('plans', BOVERKET),
      premises: { type: 'geojson', data: empty, promoteId: 'ref' },
      stops: { type: 'geojson', data: empty, promoteId: 'ref' },
      results: { type: 'geojson', data: empty, promoteId: 'ref' },
    },
    layers,
  };
}
