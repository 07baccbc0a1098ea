/** Downloads (api/src/export), the national plan document and the OGC API entry point. */
import { z } from 'zod';
import { READ_LAYER_NAMES } from './enums';
import { matchRequestSchema } from './matching';
import type { Endpoint } from './endpoint';

/** The file formats of the downloads. */
export const EXPORT_FORMATS = ['geojson', 'csv', 'gpkg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Lantmäteriet's media type of a NIS Detaljplan v4 document. */
export const PLAN_DOCUMENT_MEDIA_TYPE = 'application/vnd.lm.detaljplan.v4+json';

const files = {
  'application/geo+json': z.object({}).loose(),
  'text/csv': z.string().meta({ description: 'RFC 4180, UTF-8 with BOM, geometry as WKT in the first column' }),
  'application/geopackage+sqlite3': z.string().meta({ format: 'binary' }),
};
const format = z.enum(EXPORT_FORMATS);

export const exportEndpoints: Endpoint[] = [
  {
    method: 'get', path: '/api/export/{layer}.{format}', tags: ['layers'], operationId: 'exportLayer',
    summary: 'Download a layer as GeoJSON, CSV or GeoPackage',
    description:
      'Takes exactly the query parameters of GET /api/{layer} (bbox, area, crs, the layer\'s enums) and exports what that ' +
      'answers, with the same public properties. Lists become comma-separated text and objects JSON text in CSV and ' +
      'GeoPackage. The GeoPackage is written by GDAL (ogr2ogr) in the CRS asked for (4326 by default, 3006 with crs=3006).',
    request: { params: z.object({ layer: z.enum(READ_LAYER_NAMES), format }) },
    responses: { 200: { description: 'the file (Content-Disposition: attachment)', content: files } },
    errors: [400, 404, 503],
  },
  {
    method: 'post', path: '/api/export/match.{format}', tags: ['matching'], operationId: 'exportMatch',
    summary: 'Download the ranked sites of a match as GeoJSON, CSV or GeoPackage',
    description: 'The body is a POST /api/match request; one row per result in rank order with score, readiness, transit and building right.',
    request: { params: z.object({ format }), body: { schema: matchRequestSchema } },
    responses: { 200: { description: 'the file', content: files } },
    errors: [400, 503],
  },
  {
    method: 'get', path: '/ogc', tags: ['layers'], operationId: 'ogcLanding',
    summary: 'OGC API – Features (Parts 1–3, Part 4 draft): its own landing page and OpenAPI 3.0 definition at /ogc/api',
    responses: { 200: { description: 'landing page' } },
  },
  {
    method: 'get', path: '/api/plan-documents/{planId}', tags: ['layers'], operationId: 'getPlanDocument',
    summary: 'A plan as a NIS Detaljplan v4 document (Lantmäteriet\'s national format), geometry in EPSG:3006',
    request: { params: z.object({ planId: z.string().min(1) }) },
    responses: { 200: { description: 'FeatureCollection with feature:mediatyp', content: { [PLAN_DOCUMENT_MEDIA_TYPE]: undefined } } },
    errors: [404, 409],
  },
];
