/** Storage CRS: SWEREF 99 TM, metres. */
export const SWEREF99TM = 3006;
/** Exchange CRS: WGS 84 lon/lat (RFC 7946). */
export const WGS84 = 4326;

/** The proj4 definition of EPSG:3006, for code that reprojects outside PostGIS. */
export const SWEREF99TM_PROJ4 = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';

export type Srid = typeof SWEREF99TM | typeof WGS84;

/** Coordinate decimals written per CRS: 7 for degrees (~1 cm), 3 for metres (1 mm). */
export const decimalsFor = (srid: Srid): number => (srid === WGS84 ? 7 : 3);

/** Accepts `4326`, `3006`, `EPSG:3006` and the OGC URN/URI forms. */
export function parseCrs(value: string): Srid | undefined {
  const m = /(?:^|[:/])(4326|3006)$/.exec(value.trim()) ?? (/CRS84$/i.test(value) ? ['', '4326'] : null);
  if (!m) return undefined;
  return Number(m[1]) as Srid;
}
