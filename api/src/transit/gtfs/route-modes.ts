import { STOP_MODES, type StopMode } from '../../contract/enums';

/**
 * Etablera's mode for a GTFS route_type, or why it is not one. Trafiklab's feeds use the
 * extended types (formats notes 4.1): 100–117 rail, 400–405 metro, 700–716 bus, 900–906 tram;
 * the base types 0–12 are read too. All rail counts as Etablera's rail mode, commuter_rail
 * (106 is pendeltåg; 101/102 long-distance stations are rail stations to a company as well).
 * On-demand types (715 demand and response bus, 717 share taxi, 1500–1507 taxi) are not
 * scheduled service; ferries (1000–1021, base 4), coaches' air/cable/funicular and anything
 * else are outside Etablera's four modes and are left out (named in the import's summary).
 */
export function modeOf(routeType: number): StopMode | 'on_demand' | 'other' {
  if ((routeType >= 100 && routeType <= 117) || routeType === 2) return 'commuter_rail';
  if ((routeType >= 400 && routeType <= 405) || routeType === 1 || routeType === 12) return 'metro';
  if (routeType === 715 || routeType === 717 || (routeType >= 1500 && routeType <= 1507)) return 'on_demand';
  if ((routeType >= 700 && routeType <= 716) || (routeType >= 200 && routeType <= 209) || routeType === 3 || routeType === 11 || routeType === 800) return 'bus';
  if ((routeType >= 900 && routeType <= 906) || routeType === 0 || routeType === 5) return 'tram';
  return 'other';
}

/**
 * A stop served by several modes is known by the strongest: rail, then metro, tram, bus —
 * the contract's order of STOP_MODES.
 */
export const MODE_RANK: readonly StopMode[] = STOP_MODES;
