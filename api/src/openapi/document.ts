import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { ENDPOINTS, errorBody, type Endpoint } from '../contract';

/** What each error status means, for the `{ code, message }` answers of every endpoint. */
const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed or unknown parameters or body',
  401: 'Sign-in required',
  403: 'Not allowed for this role',
  404: 'Not found',
  409: 'Conflict with the current state',
  410: 'Expired (code pitch_expired) or revoked (code pitch_revoked)',
  412: 'Precondition failed: the record changed (If-Match)',
  413: 'Body too large',
  428: 'If-Match required',
  429: 'Too many requests (Retry-After says when to try again)',
  503: 'The database is slow or unreachable (Retry-After says when to try again)',
};

const content = (c: Record<string, unknown> | undefined) =>
  c && Object.fromEntries(Object.entries(c).map(([type, schema]) => [type, schema ? { schema } : {}]));

/** One contract endpoint as zod-to-openapi's route config. */
function route(e: Endpoint) {
  const { method, path, request, responses, errors = [], ...doc } = e;
  const body = request?.body;
  return {
    method,
    path,
    ...doc,
    request: {
      ...(request?.params ? { params: request.params } : {}),
      ...(request?.query ? { query: request.query } : {}),
      ...(request?.headers ? { headers: request.headers } : {}),
      ...(body
        ? {
            body: {
              required: true,
              ...(body.description ? { description: body.description } : {}),
              content: Object.fromEntries((body.contentTypes ?? ['application/json']).map((t) => [t, { schema: body.schema }])),
            },
          }
        : {}),
    },
    responses: {
      ...Object.fromEntries(Object.entries(responses).map(([status, r]) => [status, { description: r.description, content: content(r.content) }])),
      ...Object.fromEntries(
        errors.map((s) => [s, { description: ERROR_TEXT[s] ?? 'Error', content: { 'application/json': { schema: errorBody } } }]),
      ),
    },
  };
}

/** The OpenAPI 3.1 document of the whole API, generated from the contract's endpoint list. */
export function openapiDocument(): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  // The contract's shapes are plain data; the library's route type is stricter than needed here.
  for (const e of ENDPOINTS) registry.registerPath(route(e) as Parameters<typeof registry.registerPath>[0]);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Etablera API',
      version: '0.1.0',
      description:
        'Land and premises matchmaking for Huddinge municipality. GeoJSON in EPSG:4326 (RFC 7946) by default; ' +
        'crs=3006 gives SWEREF 99 TM. Errors are { code, message }.',
    },
    servers: [{ url: '/' }],
  }) as unknown as Record<string, unknown>;
}
