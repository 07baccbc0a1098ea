/**
 * The one place the client defines SWEREF 99 TM (EPSG:3006), the CRS every geometry is
 * stored in. Framework-free: the OpenLayers editor registers this proj4 instance with
 * `register(proj4)` from 'ol/proj/proj4'; MapLibre pages use the helpers below.
 *
 * Example:
 *   import { proj4, toSweref, fromSweref, SWEREF99TM } from './shared/crs';
 *   const [e, n] = toSweref([17.945, 59.218]);   // ≈ [662 000, 6 570 000]
 */
import proj4 from 'proj4';

export { proj4 };

/** EPSG code of SWEREF 99 TM, as proj4 and OpenLayers name it. */
export const SWEREF99TM = 'EPSG:3006';
/** EPSG code of WGS 84 lon/lat (GeoJSON, RFC 7946). */
export const WGS84 = 'EPSG:4326';
/** Same definition as the API's (api/src/geo/crs.ts). */
export const SWEREF99TM_PROJ4 = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
/** SWEREF 99 TM's area of use (Sweden), in EPSG:3006 metres: [minE, minN, maxE, maxN]. */
export const SWEREF99TM_EXTENT: [number, number, number, number] = [181896.33, 6101648.07, 1086312.94, 7689478.3];

proj4.defs(SWEREF99TM, SWEREF99TM_PROJ4);

/** lon/lat (EPSG:4326) → easting/northing (EPSG:3006), metres. */
export function toSweref(lonLat: [number, number]): [number, number] {
  return proj4(WGS84, SWEREF99TM, lonLat) as [number, number];
}

/** easting/northing (EPSG:3006) → lon/lat (EPSG:4326), rounded to 7 decimals like the API. */
export function fromSweref(en: [number, number]): [number, number] {
  const [lon, lat] = proj4(SWEREF99TM, WGS84, en) as [number, number];
  return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}
