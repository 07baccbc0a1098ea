import { errorResponses } from '../../openapi/shared';
import { MEDIA_TYPE } from './document';

/** OpenAPI path of the national plan document export. */
export function planDocumentPaths(): Record<string, unknown> {
  return {
    '/api/plan-documents/{planId}': {
      get: {
        tags: ['layers'],
        summary: 'A plan as a NIS Detaljplan v4 document (Lantmäteriet\'s national format), geometry in EPSG:3006',
        operationId: 'getPlanDocument',
        parameters: [{ name: 'planId', in: 'path', required: true, schema: { type: 'string', minLength: 1 } }],
        responses: {
          200: { description: 'FeatureCollection with feature:mediatyp', content: { [MEDIA_TYPE]: {} } },
          ...errorResponses(404, 409),
        },
      },
    },
  };
}
