/** Helpers for the OpenAPI fragments of each component. */

export const geojsonRef = (name: 'Feature' | 'FeatureCollection') => ({ $ref: `#/components/schemas/${name}` });

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed or unknown parameters or body',
  401: 'Sign-in required',
  403: 'Not allowed for this role',
  404: 'Not found',
  409: 'Conflict with the current state',
  412: 'Precondition failed: the record changed (If-Match)',
  413: 'Body too large',
  428: 'If-Match required',
  429: 'Too many requests (Retry-After says when to try again)',
  503: 'The database is slow or unreachable (Retry-After says when to try again)',
};

/** `{ 400: {...}, 404: {...} }` error responses with the common error body. */
export function errorResponses(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: ERROR_TEXT[s] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );
}

export const sharedSchemas = {
  Error: {
    type: 'object',
    required: ['code', 'message'],
    properties: { code: { type: 'string' }, message: { type: 'string' } },
  },
  Feature: {
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: { type: { const: 'Feature' }, id: {}, geometry: { type: 'object' }, properties: { type: 'object' } },
  },
  FeatureCollection: {
    type: 'object',
    required: ['type', 'features'],
    properties: { type: { const: 'FeatureCollection' }, features: { type: 'array', items: { $ref: '#/components/schemas/Feature' } } },
  },
};
