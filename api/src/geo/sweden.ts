/**
 * A first, cheap filter (the real boundary is in the database, migration 0080): plausible coordinates for data about Sweden, with a margin: anything outside is a
 * mistake (most often SWEREF 99 TM metres passed as degrees, or lat/lon swapped).
 */
export const SWEDEN_LONLAT = { minX: 10.0, minY: 55.0, maxX: 24.5, maxY: 69.5 };
/** EPSG:3006's area of use, rounded outward. */
export const SWEDEN_SWEREF = { minX: 180_000, minY: 6_050_000, maxX: 1_090_000, maxY: 7_710_000 };
/** EPSG:3006's area of use as the EPSG registry gives it (lon/lat degrees). */
export const AREA_OF_USE_3006_LONLAT = { minX: 10.03, minY: 54.96, maxX: 24.17, maxY: 69.07 };
