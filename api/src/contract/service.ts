/** The service's own endpoints: health, this document, the client's config. */
import { z } from 'zod';
import { json, type Endpoint } from './endpoint';

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.literal('ok'),
  postgis: z.string(),
  counts: z.record(z.string(), z.number()),
});
export type Health = z.output<typeof healthResponse>;

/** `/config.json` of the server, for the client. */
export const clientConfig = z.object({ basemapStyleUrl: z.string().nullable() });
export type ClientConfig = z.output<typeof clientConfig>;

export const serviceEndpoints: Endpoint[] = [
  {
    method: 'get', path: '/api/health', tags: ['service'], summary: 'Service and database health', operationId: 'health',
    responses: { 200: { description: '{ status: "ok", ... }', content: json(healthResponse) }, 503: { description: 'database unavailable' } },
  },
  {
    method: 'get', path: '/api/openapi.json', tags: ['service'], summary: 'This document', operationId: 'openapi',
    responses: { 200: { description: 'OpenAPI 3.1' } },
  },
];
