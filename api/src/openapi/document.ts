import { layerPaths } from './layers-paths';
import { errorResponses, sharedSchemas } from './shared';
import { readinessPaths } from '../readiness/openapi';
import { matchingPaths } from '../matching/openapi';
import { requestsPaths } from '../requests/openapi';
import { tilesPaths } from '../tiles/openapi';
import { casesPaths } from '../cases/openapi';
import { kpisPaths } from '../kpis/openapi';
import { pitchPaths } from '../pitch/openapi';
import { intakePaths } from '../intake/openapi';
import { authPaths } from '../auth/openapi';
import { gdprPaths } from '../gdpr/openapi';
import { exportPaths } from '../export/openapi';
import { planDocumentPaths } from '../plans/national/openapi';

/** Path fragments of the components; a new component adds its `openapiPaths` here. */
const fragments: Array<() => Record<string, unknown>> = [
  () => ({
    '/api/health': {
      get: {
        tags: ['service'],
        summary: 'Service and database health',
        operationId: 'health',
        responses: { 200: { description: '{ status: "ok", ... }' }, 503: { description: 'database unavailable' } },
      },
    },
    '/api/openapi.json': {
      get: { tags: ['service'], summary: 'This document', operationId: 'openapi', responses: { 200: { description: 'OpenAPI 3.1' } } },
    },
  }),
  layerPaths,
  matchingPaths,
  requestsPaths,
  tilesPaths,
  readinessPaths,
  casesPaths,
  kpisPaths,
  pitchPaths,
  intakePaths,
  exportPaths,
  planDocumentPaths,
  authPaths, // after layerPaths: it adds the write methods to the layers' paths
  gdprPaths,
];

/** The OpenAPI 3.1 document of the whole API. */
export function openapiDocument(): Record<string, unknown> {
  const paths = Object.assign({}, ...fragments.map((f) => f()));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Etablera API',
      version: '0.1.0',
      description:
        'Land and premises matchmaking for Huddinge municipality. GeoJSON in EPSG:4326 (RFC 7946) by default; ' +
        'crs=3006 gives SWEREF 99 TM. Errors are { code, message }. Any endpoint may answer 503 with Retry-After ' +
        '(database_timeout, database_unavailable, deadline_exceeded) when the database is slow or unreachable, and ' +
        '403 cross_origin_request to a signed-in change sent from another site.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: sharedSchemas, responses: errorResponses() },
  };
}
