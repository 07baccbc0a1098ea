import type { StyleSpecification } from 'maplibre-gl';

/**
 * A basemap that needs no network: a plain background; municipal boundaries and the data
 * layers are added on top from the API.
 */
export const offlineStyle: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1ec' } }],
};
