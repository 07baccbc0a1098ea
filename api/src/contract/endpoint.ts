import type { ZodType } from 'zod';

/**
 * One endpoint of the API as plain data: method, path, its request and response schemas.
 * The OpenAPI document is generated from the list of these (api/src/openapi); nothing
 * here knows a framework, so the client imports the same file.
 */
export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: `/api/cases/{id}`. */
  path: string;
  tags: string[];
  summary: string;
  description?: string;
  operationId: string;
  request?: {
    params?: ZodType;
    query?: ZodType;
    headers?: ZodType;
    body?: { schema: ZodType; description?: string; contentTypes?: string[] };
  };
  /** Success answers by status; `content` maps a media type to its schema (undefined: no schema). */
  responses: Record<number, { description: string; content?: Record<string, ZodType | undefined> }>;
  /** Error statuses answered with the `{ code, message }` body. */
  errors?: number[];
}

export const json = (schema: ZodType) => ({ 'application/json': schema });
export const geojson = (schema: ZodType) => ({ 'application/geo+json': schema });
