import { z } from 'zod';
import { errorResponses } from '../openapi/shared';
import { matchResponseJsonSchema } from '../matching/openapi';
import { saveRequestSchema } from './schema';

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

const summaryProperties = {
  id: { type: 'integer' },
  companyName: { type: 'string' },
  sector: { type: ['string', 'null'] },
  jobsExpected: { type: ['integer', 'null'] },
  notes: { type: ['string', 'null'] },
  criteria: { type: 'object', description: 'the /api/match body, as validated (defaults applied)' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  version: { type: 'integer' },
};
const contactProperties = {
  contactName: { type: ['string', 'null'] },
  contactEmail: { type: ['string', 'null'] },
  contactPhone: { type: ['string', 'null'] },
};
const savedRequest = { type: 'object', properties: { ...summaryProperties, ...contactProperties } };
const json = (schema: unknown) => ({ 'application/json': { schema } });

/** OpenAPI paths of saved establishment requests. */
export function requestsPaths(): Record<string, unknown> {
  return {
    '/api/requests': {
      post: {
        tags: ['requests'],
        summary: 'Save an establishment request (company, contact, criteria = a /api/match body)',
        operationId: 'saveRequest',
        requestBody: { required: true, content: json(z.toJSONSchema(saveRequestSchema, { io: 'input', unrepresentable: 'any' })) },
        responses: { 201: { description: 'Saved; Location names it', content: json(savedRequest) }, ...errorResponses(400, 401, 403, 413) },
      },
      get: {
        tags: ['requests'],
        summary: 'Newest saved requests, without contact details (personal data)',
        operationId: 'listRequests',
        parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } }],
        responses: {
          200: { description: '{ requests: [...] }', content: json({ type: 'object', properties: { requests: { type: 'array', items: { type: 'object', properties: summaryProperties } } } }) },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    '/api/requests/{id}': {
      get: {
        tags: ['requests'],
        summary: 'One saved request with contact details (staff only once accounts exist)',
        operationId: 'getRequest',
        parameters: [idParam],
        responses: { 200: { description: 'The request', content: json(savedRequest) }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    '/api/requests/{id}/matches': {
      get: {
        tags: ['requests'],
        summary: "Re-run the request's match on current data",
        operationId: 'requestMatches',
        parameters: [idParam],
        responses: { 200: { description: 'As POST /api/match', content: json(matchResponseJsonSchema) }, ...errorResponses(400, 401, 403, 404) },
      },
    },
  };
}
