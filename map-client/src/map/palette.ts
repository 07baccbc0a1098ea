// Colours shared by the map style and the legend, so the two can never disagree. Chosen for
// contrast on the light basemap; plan zones use Boverket's colours, carried in the tiles.
import type { LandStatus, OwnerType, PremisesKind, StopMode } from '@etablera/contract';

export const LAND_STATUS_COLOURS: Record<LandStatus, string> = {
  available: '#2e9d4f',
  reserved: '#e0a21b',
  sold: '#8d8d8d',
  not_for_sale: '#5b5b5b',
};

export const OWNER_COLOURS: Record<OwnerType, string> = {
  municipal: '#1f3a93',
  private: '#8e24aa',
  state: '#00695c',
  other: '#616161',
};

export const PREMISES_COLOURS: Record<PremisesKind, string> = {
  office: '#1565c0',
  retail: '#c62828',
  industry: '#4e342e',
  warehouse: '#ef6c00',
  lab: '#6a1b9a',
};

export const STOP_COLOURS: Record<StopMode, string> = {
  commuter_rail: '#d81b60',
  metro: '#0277bd',
  tram: '#f57c00',
  bus: '#455a64',
};

export const AREA_COLOUR = '#1f3a93';
export const RESULT_COLOUR = '#bf360c';
export const BACKGROUND = '#dfe7ea';

/** `['match', ['get', prop], k1, v1, ..., fallback]` from a colour table. */
export function matchColour(prop: string, table: Record<string, string>, fallback = '#9e9e9e'): unknown[] {
  return ['match', ['get', prop], ...Object.entries(table).flat(), fallback];
}
