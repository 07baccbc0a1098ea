import { SWEREF99TM, WGS84, type Srid } from '../geo/crs';

/** A CRS the service offers (Part 2), by its OGC URI. */
export interface OgcCrs {
  uri: string;
  srid: Srid;
  /** true when the CRS's first axis is not x/east: EPSG:4326 is lat/lon, EPSG:3006 is northing/easting */
  swapAxes: boolean;
  /** decimals written: 7 for degrees (~1 cm), 3 for metres */
  decimals: number;
}

export const CRS84: OgcCrs = { uri: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84', srid: WGS84, swapAxes: false, decimals: 7 };
export const EPSG4326: OgcCrs = { uri: 'http://www.opengis.net/def/crs/EPSG/0/4326', srid: WGS84, swapAxes: true, decimals: 7 };
export const EPSG3006: OgcCrs = { uri: 'http://www.opengis.net/def/crs/EPSG/0/3006', srid: SWEREF99TM, swapAxes: true, decimals: 3 };

/** Every CRS offered, CRS84 first (the default of Part 1). */
export const SUPPORTED_CRS = [CRS84, EPSG4326, EPSG3006];
/** Where the data is kept (Part 2 `storageCrs`). */
export const STORAGE_CRS = EPSG3006;

/**
 * The CRS named by a `crs`, `bbox-crs` or `filter-crs` value: the OGC URI, or its safe CURIE
 * form `[EPSG:3006]` / `[OGC:CRS84]`. Undefined when not offered.
 */
export function findCrs(value: string): OgcCrs | undefined {
  const v = value.trim();
  const curie = /^\[(EPSG|OGC):(.+)\]$/.exec(v);
  if (curie) {
    const uri = curie[1] === 'EPSG' ? `http://www.opengis.net/def/crs/EPSG/0/${curie[2]}` : `http://www.opengis.net/def/crs/OGC/1.3/${curie[2]}`;
    return SUPPORTED_CRS.find((c) => c.uri === uri);
  }
  return SUPPORTED_CRS.find((c) => c.uri === v || c.uri.replace('http:', 'https:') === v);
}

/** The Content-Crs header value of Part 2: the URI in angle brackets. */
export const contentCrs = (c: OgcCrs): string => `<${c.uri}>`;
