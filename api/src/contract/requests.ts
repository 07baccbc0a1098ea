/** Saved establishment requests (docs: Requests): POST/GET /api/requests, /api/requests/{id}(/matches). */
import { z } from 'zod';
import { matchRequestSchema, matchResponse } from './matching';
import { idParams } from './common';
import { json, type Endpoint } from './endpoint';

const text = (max: number) => z.string({ error: 'must be a string' }).trim().max(max, `must be at most ${max} characters`);

/** Body of `POST /api/requests`: a company's establishment request (etableringsförfrågan). */
export const saveRequestSchema = z.strictObject({
  companyName: text(200).min(1, 'is required'),
  contactName: text(200).optional(),
  contactEmail: z.email({ error: 'must be an e-mail address' }).max(320).optional(),
  contactPhone: text(50).optional(),
  sector: text(200).optional(),
  jobsExpected: z.number({ error: 'must be an integer' }).int('must be an integer').min(0, 'must not be negative').max(1_000_000).optional(),
  notes: text(5000).optional(),
  criteria: matchRequestSchema,
});
export type SaveRequestInput = z.output<typeof saveRequestSchema>;

/** `:id` of a saved request. */
export const requestIdParam = z.strictObject({
  id: z.string().regex(/^[1-9][0-9]{0,9}$/, 'must be a positive integer').transform(Number),
});

export const listRequestsQuery = z.strictObject({
  limit: z.string({ error: 'must be given once' }).regex(/^\d+$/, 'must be an integer').transform(Number)
    .pipe(z.number().min(1, 'must be between 1 and 500').max(500, 'must be between 1 and 500')).optional(),
});

/** A saved request without personal data: what lists show. */
export const savedRequestSummary = z.object({
  id: z.number().int(),
  companyName: z.string(),
  sector: z.string().nullable(),
  jobsExpected: z.number().int().nullable(),
  notes: z.string().nullable(),
  criteria: matchRequestSchema.meta({ description: 'the /api/match body, as validated (defaults applied)' }),
  createdAt: z.string().meta({ format: 'date-time' }),
  updatedAt: z.string().meta({ format: 'date-time' }),
  version: z.number().int(),
});
export type SavedRequestSummary = z.output<typeof savedRequestSummary>;

/** One saved request with its contact fields (personal data: staff only). */
export const savedRequest = savedRequestSummary.extend({
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type SavedRequest = z.output<typeof savedRequest>;

export const requestsEndpoints: Endpoint[] = [
  {
    method: 'post', path: '/api/requests', tags: ['requests'], operationId: 'saveRequest',
    summary: 'Save an establishment request (company, contact, criteria = a /api/match body)',
    request: { body: { schema: saveRequestSchema } },
    responses: { 201: { description: 'Saved; Location names it', content: json(savedRequest) } }, errors: [400, 401, 403, 413],
  },
  {
    method: 'get', path: '/api/requests', tags: ['requests'], operationId: 'listRequests',
    summary: 'Newest saved requests, without contact details (personal data)',
    request: { query: listRequestsQuery },
    responses: { 200: { description: '{ requests: [...] }', content: json(z.object({ requests: z.array(savedRequestSummary) })) } },
    errors: [400, 401, 403],
  },
  {
    method: 'get', path: '/api/requests/{id}', tags: ['requests'], operationId: 'getRequest',
    summary: 'One saved request with contact details (business, admin)', request: { params: idParams('id') },
    responses: { 200: { description: 'The request', content: json(savedRequest) } }, errors: [400, 401, 403, 404],
  },
  {
    method: 'get', path: '/api/requests/{id}/matches', tags: ['requests'], operationId: 'requestMatches',
    summary: "Re-run the request's match on current data", request: { params: idParams('id') },
    responses: { 200: { description: 'As POST /api/match', content: json(matchResponse) } }, errors: [400, 401, 403, 404],
  },
];
