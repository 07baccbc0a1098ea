import type { Collection } from './collections';
import { COLLECTIONS, COLLECTION_IDS } from './collections';
import { CONFORMANCE } from './conformance';
import { STORAGE_CRS, SUPPORTED_CRS } from './crs';

// The JSON documents of Part 1–3 (landing page, conformance, collections, queryables).
// `base` is the absolute URL of /ogc as the client reached it.

export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

const JSON_T = 'application/json';
const GEOJSON_T = 'application/geo+json';
const HTML_T = 'text/html';
export const OPENAPI_T = 'application/vnd.oai.openapi+json;version=3.0';

/** self + alternate links of a document that has JSON and HTML encodings. */
export function selfLinks(url: string, jsonType: string, isHtml: boolean, title: string): Link[] {
  const withF = (f: string) => `${url}${url.includes('?') ? '&' : '?'}f=${f}`;
  return [
    { href: withF(isHtml ? 'html' : 'json'), rel: 'self', type: isHtml ? HTML_T : jsonType, title },
    { href: withF(isHtml ? 'json' : 'html'), rel: 'alternate', type: isHtml ? jsonType : HTML_T, title },
  ];
}

export function landingPage(base: string, isHtml: boolean) {
  return {
    title: 'Etablera — OGC API Features',
    description: 'Business areas, land parcels, detailed plan zones, vacant premises, public transport stops and municipalities of Huddinge, '
      + 'stored in SWEREF 99 TM. Illustrative (invented) features carry illustrative=true.',
    links: [
      ...selfLinks(base, JSON_T, isHtml, 'This document'),
      { href: `${base}/api`, rel: 'service-desc', type: OPENAPI_T, title: 'The API definition (OpenAPI 3.0)' },
      { href: `${base}/api?f=html`, rel: 'service-doc', type: HTML_T, title: 'The API documentation' },
      { href: `${base}/conformance`, rel: 'conformance', type: JSON_T, title: 'Conformance classes' },
      { href: `${base}/conformance`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/conformance', type: JSON_T, title: 'Conformance classes' },
      { href: `${base}/collections`, rel: 'data', type: JSON_T, title: 'The collections' },
      { href: `${base}/collections`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/data', type: JSON_T, title: 'The collections' },
    ],
  };
}

export const conformance = () => ({ conformsTo: [...CONFORMANCE] });

/** One collection's description, with its extent computed from the data. */
export function collectionDoc(base: string, c: Collection, extent: { bbox: number[] | null; interval: (string | null)[] | null }) {
  const href = `${base}/collections/${c.id}`;
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    itemType: 'feature',
    links: [
      { href, rel: 'self', type: JSON_T, title: c.title },
      { href: `${href}?f=html`, rel: 'alternate', type: HTML_T, title: c.title },
      { href: `${href}/items`, rel: 'items', type: GEOJSON_T, title: `${c.title} (GeoJSON)` },
      { href: `${href}/items?f=html`, rel: 'items', type: HTML_T, title: `${c.title} (HTML)` },
      { href: `${href}/queryables`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables', type: 'application/schema+json', title: 'Queryables' },
    ],
    extent: {
      spatial: { bbox: extent.bbox ? [extent.bbox] : [[10.5, 55.0, 24.2, 69.1]], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' },
      ...(c.temporal ? { temporal: { interval: [extent.interval ?? [null, null]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' } } : {}),
    },
    crs: SUPPORTED_CRS.map((x) => x.uri),
    storageCrs: STORAGE_CRS.uri,
  };
}

export function collectionsDoc(base: string, isHtml: boolean, extents: Map<string, Parameters<typeof collectionDoc>[2]>) {
  return {
    links: selfLinks(`${base}/collections`, JSON_T, isHtml, 'The collections'),
    crs: SUPPORTED_CRS.map((x) => x.uri),
    collections: COLLECTION_IDS.map((id) => collectionDoc(base, COLLECTIONS[id], extents.get(id)!)),
  };
}

const JSON_SCHEMA_TYPE: Record<string, Record<string, string>> = {
  string: { type: 'string' }, number: { type: 'number' }, integer: { type: 'integer' }, boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' }, timestamp: { type: 'string', format: 'date-time' },
};
const GEOMETRY_SCHEMA = {
  polygon: { format: 'geometry-polygon-or-multipolygon' },
  point: { format: 'geometry-point' },
  'point-or-polygon': { format: 'geometry-any' },
};

/** Part 3 queryables: a JSON Schema of the properties a filter may name. */
export function queryablesDoc(base: string, c: Collection) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${base}/collections/${c.id}/queryables`,
    type: 'object',
    title: c.title,
    properties: {
      geometry: { title: 'Geometry', ...GEOMETRY_SCHEMA[c.geometry] },
      ...Object.fromEntries(Object.entries(c.queryables).map(([k, q]) => [k, { title: q.title, ...JSON_SCHEMA_TYPE[q.type], ...(q.enum ? { enum: q.enum } : {}) }])),
    },
    additionalProperties: false,
  };
}
