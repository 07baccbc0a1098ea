import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './style.css';
import { offlineStyle } from './map/style';
import { addDataLayers } from './map/layers';

// Huddinge, framing Kungens kurva, Flemingsberg and Länna.
const HUDDINGE_BOUNDS: [number, number, number, number] = [17.86, 59.19, 18.18, 59.285];

const map = new maplibregl.Map({ container: 'map', style: offlineStyle, bounds: HUDDINGE_BOUNDS, attributionControl: false });
map.addControl(new maplibregl.NavigationControl(), 'top-right');
map.addControl(new maplibregl.AttributionControl({ customAttribution: 'Källa: Boverket, Planbestämmelsekatalogen · Trafiklab GTFS Sverige 2 · Illustrativa data' }));

map.on('load', () => {
  addDataLayers(map)
    .then(() => map.once('idle', () => document.body.setAttribute('data-map-ready', 'true')))
    .catch((err) => console.error(err));
});

// Test hook: browser tests query rendered features through it, not pixels.
(window as unknown as { etableraMap: maplibregl.Map }).etableraMap = map;
