import { layerPaths } from '../openapi/layers-paths';
import { errorResponses, geojsonRef } from '../openapi/shared';

const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const feature = (description: string) => ({
  description: `${description}; ETag header = the version to send as If-Match`,
  content: { 'application/geo+json': { schema: geojsonRef('Feature') } },
});
const featureBody = (description: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema: geojsonRef('Feature') }, 'application/geo+json': { schema: geojsonRef('Feature') } },
});
const crs = { name: 'crs', in: 'query', required: false, description: 'CRS of the geometry sent and answered: 4326 (default) or 3006 (SWEREF 99 TM, the editor)', schema: { type: 'string' } };
const ref = { name: 'ref', in: 'path', required: true, schema: { type: 'string' } };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
const ifMatch = { name: 'If-Match', in: 'header', required: true, description: 'the ETag read (GET /api/{layer}/{ref}); 428 without, 412 when stale', schema: { type: 'string' } };


function write(layer: string, roles: string, what: string) {
  return {
    post: {
      tags: ['editing'], summary: `Create ${what} (${roles})`, operationId: `create_${layer}`, parameters: [crs],
      requestBody: featureBody('a GeoJSON Feature with the layer properties'),
      responses: { 201: feature('the stored Feature'), ...errorResponses(400, 401, 403, 409) },
    },
  };
}

function patch(layer: string, roles: string, what: string) {
  return {
    patch: {
      tags: ['editing'], summary: `Change ${what} (${roles}): properties given change, geometry optional`, operationId: `update_${layer}`,
      parameters: [ref, crs, ifMatch],
      requestBody: featureBody('a GeoJSON Feature with the properties to change; read-only properties are ignored'),
      responses: { 200: feature('the stored Feature'), ...errorResponses(400, 401, 403, 404, 412, 428) },
    },
  };
}

/** OpenAPI paths of sign-in, accounts, the audit log and the write API (issue 5). */
export function authPaths(): Record<string, unknown> {
  const read = layerPaths() as Record<string, Record<string, unknown>>;
  return {
    '/api/auth/login': {
      post: {
        tags: ['accounts'], summary: 'Sign in: sets the HttpOnly session cookie', operationId: 'login',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string' }, password: { type: 'string' } } } } } },
        responses: { 200: json('{ user, expiresAt }'), ...errorResponses(400, 401, 429) },
      },
    },
    '/api/auth/logout': { post: { tags: ['accounts'], summary: 'Sign out', operationId: 'logout', responses: { 204: { description: 'signed out' } } } },
    '/api/auth/me': { get: { tags: ['accounts'], summary: 'The signed-in account', operationId: 'me', responses: { 200: json('{ user }'), ...errorResponses(401) } } },
    '/api/auth/signup': {
      post: { tags: ['accounts'], summary: 'A property owner registers (pending until approved); the same answer whether or not the e-mail has an account', operationId: 'signup', responses: { 201: json('{ account, message }'), ...errorResponses(400, 429) } },
    },
    '/api/auth/password': {
      post: { tags: ['accounts'], summary: 'Change your password (ends your other sessions)', operationId: 'change_password', responses: { 204: { description: 'changed' }, ...errorResponses(400, 401, 429) } },
    },
    '/api/auth/tokens': {
      get: { tags: ['accounts'], summary: 'Your API tokens (never the secrets)', operationId: 'list_tokens', responses: { 200: json('{ tokens }'), ...errorResponses(401) } },
      post: { tags: ['accounts'], summary: 'A new API token for scripts (Authorization: Bearer); shown once', operationId: 'create_token', responses: { 201: json('{ id, name, token }'), ...errorResponses(400, 401) } },
    },
    '/api/auth/tokens/{id}': { delete: { tags: ['accounts'], summary: 'Revoke a token', operationId: 'revoke_token', parameters: [id], responses: { 204: { description: 'revoked' }, ...errorResponses(401, 404) } } },
    '/api/accounts': {
      get: { tags: ['accounts'], summary: 'Accounts (admin; business: owners)', operationId: 'list_accounts', responses: { 200: json('{ accounts }'), ...errorResponses(401, 403) } },
      post: { tags: ['accounts'], summary: 'Create an account (admin)', operationId: 'create_account', responses: { 201: json('the account'), ...errorResponses(400, 401, 403, 409) } },
    },
    '/api/accounts/{id}': {
      get: { tags: ['accounts'], summary: 'One account, with ETag', operationId: 'get_account', parameters: [id], responses: { 200: json('the account'), ...errorResponses(401, 403, 404) } },
      patch: { tags: ['accounts'], summary: 'Change an account (admin; business: an owner’s status)', operationId: 'update_account', parameters: [id, ifMatch], responses: { 200: json('the account'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) } },
    },
    '/api/accounts/{id}/approve': {
      post: { tags: ['accounts'], summary: 'Approve a pending owner (business, admin)', operationId: 'approve_account', parameters: [id], responses: { 200: json('the account'), ...errorResponses(401, 403, 404, 409) } },
    },
    '/api/audit': {
      get: {
        tags: ['accounts'], summary: 'The change log, newest first (admin, business)', operationId: 'audit',
        parameters: ['entity', 'ref', 'accountId', 'before', 'limit'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
        responses: { 200: json('{ entries: [{ id, at, accountEmail, entity, ref, action, before, after }], next }'), ...errorResponses(400, 401, 403) },
      },
    },
    '/api/premises': { ...read['/api/premises'], ...write('premises', 'owner, business, admin', 'a premises listing') },
    '/api/premises/{ref}': { ...read['/api/premises/{ref}'], ...patch('premises', 'its owner, business, admin', 'a listing') },
    '/api/premises/{ref}/confirm': {
      post: { tags: ['editing'], summary: '"Still available": the listing is confirmed now and no longer stale', operationId: 'confirm_premises', parameters: [ref, crs], responses: { 200: feature('the listing'), ...errorResponses(401, 403, 404) } },
    },
    '/api/my/premises': {
      get: { tags: ['editing'], summary: 'The signed-in owner’s listings (staff: all)', operationId: 'my_premises', parameters: [crs], responses: { 200: { description: 'FeatureCollection', content: { 'application/geo+json': { schema: geojsonRef('FeatureCollection') } } }, ...errorResponses(401, 403) } },
    },
    '/api/plans': { ...read['/api/plans'], ...write('plans', 'planner, admin', 'a plan zone (and its plan when new)') },
    '/api/plans/{ref}': { ...read['/api/plans/{ref}'], ...patch('plans', 'planner, admin', 'a plan zone and its plan (status pipeline)') },
    '/api/land': { ...read['/api/land'], ...write('land', 'business, admin', 'a land parcel') },
    '/api/land/{ref}': { ...read['/api/land/{ref}'], ...patch('land', 'business, admin', 'a parcel (status, price, reservation/markanvisning)') },
  };
}
