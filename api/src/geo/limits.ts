/**
 * Plausible size per layer, in m²: a geometry larger than this is a mistake (a unit error, a
 * polygon drawn round the whole county). Generous on purpose — they catch errors, not edge
 * cases. Premises are a building or a yard; a parcel or a plan zone can be a large industrial
 * site; an area groups parts of a municipality; Kiruna, Sweden's largest municipality, is
 * about 20 700 km². Stops are points.
 */
export const MAX_AREA_M2 = {
  premises: 1e6, // 1 km²
  land: 50e6, // 50 km²
  plans: 50e6, // 50 km² per zone
  areas: 2_000e6, // 2 000 km²
  municipalities: 25_000e6, // 25 000 km²
  stops: null,
} as const satisfies Record<string, number | null>;

export type LimitedLayer = keyof typeof MAX_AREA_M2;
