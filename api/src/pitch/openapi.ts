import { z } from 'zod';
import { errorResponses } from '../openapi/shared';
import { createLinkBody } from './schema';

const token = { name: 'token', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' } };
const lang = { name: 'lang', in: 'query', schema: { enum: ['sv', 'en'], default: 'sv' } };
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });
const gone = { 410: { description: 'Expired (code pitch_expired) or revoked (code pitch_revoked)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } };

/** OpenAPI paths of investor pitch links. */
export function pitchPaths(): Record<string, unknown> {
  return {
    '/api/cases/{id}/pitch-links': {
      get: { tags: ['cases'], summary: "A case's pitch links with views", operationId: 'listPitchLinks', parameters: [id('id')], responses: { 200: { description: '{ links }' }, ...errorResponses(400, 401, 403, 404) } },
      post: {
        tags: ['cases'], summary: 'A shareable read-only link to some of the proposed sites', operationId: 'createPitchLink', parameters: [id('id')],
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(createLinkBody, { io: 'input', unrepresentable: 'any' }) } } },
        responses: { 201: { description: '{ id, token, url, expiresAt, views, active }' }, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    '/api/cases/{id}/pitch-links/{linkId}/revoke': {
      post: { tags: ['cases'], summary: 'Revoke a pitch link', operationId: 'revokePitchLink', parameters: [id('id'), id('linkId')], responses: { 200: { description: 'The revoked link' }, ...errorResponses(400, 401, 403, 404) } },
    },
    '/api/pitch/{token}': {
      get: {
        tags: ['pitch'], summary: 'The public pitch (no personal data); counts a view', operationId: 'getPitch', parameters: [token, lang],
        responses: { 200: { description: '{ lang, title, sites: [{ name, facts, zoning, readiness, station, geometry }], areas }' }, ...errorResponses(400, 404), ...gone },
      },
    },
    '/api/pitch/{token}/pdf': {
      get: {
        tags: ['pitch'], summary: 'The pitch as an A4 PDF (headless Chromium)', operationId: 'getPitchPdf', parameters: [token, lang],
        responses: { 200: { description: 'PDF', content: { 'application/pdf': {} } }, ...errorResponses(400, 404, 429), ...gone },
      },
    },
  };
}
