import { errorResponses } from '../openapi/shared';

const body = {
  required: true,
  content: { 'application/json': { schema: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } } } },
};

/** OpenAPI paths of the GDPR endpoints (admin). */
export function gdprPaths(): Record<string, unknown> {
  return {
    '/api/gdpr/export': {
      post: {
        tags: ['accounts'], summary: "One person's data, by e-mail, as JSON (admin; audited)", operationId: 'gdpr_export', requestBody: body,
        responses: { 200: { description: '{ email, account, sessions, apiTokens, premises, requests, cases, auditEntries }' }, ...errorResponses(400, 401, 403) },
      },
    },
    '/api/gdpr/erase': {
      post: {
        tags: ['accounts'], summary: "Erase one person's data, by e-mail (admin; audited)", operationId: 'gdpr_erase', requestBody: body,
        responses: { 200: { description: '{ erased: counts }' }, ...errorResponses(400, 401, 403, 409) },
      },
    },
  };
}
