import { z } from 'zod';
import { errorResponses } from '../openapi/shared';
import { intakeBody } from './schema';

/** OpenAPI path of the public intake form. */
export function intakePaths(): Record<string, unknown> {
  return {
    '/api/intake': {
      post: {
        tags: ['cases'],
        summary: 'Public establishment request: saves the request and opens a case (rate limited per address)',
        operationId: 'intake',
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(intakeBody, { io: 'input', unrepresentable: 'any' }) } } },
        responses: { 201: { description: '{ status: "received", reference }' }, ...errorResponses(400, 429) },
      },
    },
  };
}
