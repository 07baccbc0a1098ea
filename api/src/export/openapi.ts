import { errorResponses } from '../openapi/shared';
import { matchRequestJsonSchema } from '../matching/openapi';

const files = {
  'application/geo+json': { schema: { type: 'object' } },
  'text/csv': { schema: { type: 'string', description: 'RFC 4180, UTF-8 with BOM, geometry as WKT in the first column' } },
  'application/geopackage+sqlite3': { schema: { type: 'string', format: 'binary' } },
};

/** OpenAPI paths of the downloads (api/src/export). */
export function exportPaths(): Record<string, unknown> {
  return {
    '/api/export/{layer}.{format}': {
      get: {
        tags: ['layers'],
        summary: 'Download a layer as GeoJSON, CSV or GeoPackage',
        description:
          'Takes exactly the query parameters of GET /api/{layer} (bbox, area, crs, the layer\'s enums) and exports what that ' +
          'answers, with the same public properties. Lists become comma-separated text and objects JSON text in CSV and ' +
          'GeoPackage. The GeoPackage is written by GDAL (ogr2ogr) in the CRS asked for (4326 by default, 3006 with crs=3006).',
        operationId: 'exportLayer',
        parameters: [
          { name: 'layer', in: 'path', required: true, schema: { enum: ['areas', 'land', 'plans', 'premises', 'stops', 'municipalities'] } },
          { name: 'format', in: 'path', required: true, schema: { enum: ['geojson', 'csv', 'gpkg'] } },
        ],
        responses: { 200: { description: 'the file (Content-Disposition: attachment)', content: files }, ...errorResponses(400, 404, 503) },
      },
    },
    '/api/export/match.{format}': {
      post: {
        tags: ['matching'],
        summary: 'Download the ranked sites of a match as GeoJSON, CSV or GeoPackage',
        description: 'The body is a POST /api/match request; one row per result in rank order with score, readiness, transit and building right.',
        operationId: 'exportMatch',
        parameters: [{ name: 'format', in: 'path', required: true, schema: { enum: ['geojson', 'csv', 'gpkg'] } }],
        requestBody: { required: true, content: { 'application/json': { schema: matchRequestJsonSchema() } } },
        responses: { 200: { description: 'the file', content: files }, ...errorResponses(400, 503) },
      },
    },
    '/ogc': {
      get: {
        tags: ['layers'],
        summary: 'OGC API – Features (Parts 1–3, Part 4 draft): its own landing page and OpenAPI 3.0 definition at /ogc/api',
        operationId: 'ogcLanding',
        responses: { 200: { description: 'landing page' } },
      },
    },
  };
}
