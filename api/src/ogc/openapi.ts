import { COLLECTIONS, COLLECTION_IDS, type CollectionId } from './collections';
import { SUPPORTED_CRS } from './crs';
import { DEFAULT_LIMIT, MAX_LIMIT } from './params';
import { EDITORS } from './editors';

// The API definition of /ogc (Part 1 /conf/oas30): OpenAPI 3.0, one path per collection so
// that each lists its own queryables as parameters and its own write operations.

const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } } };
const crsEnum = SUPPORTED_CRS.map((c) => c.uri);
const featureBody = { required: true, content: { 'application/geo+json': { schema: { type: 'object' } }, 'application/json': { schema: { type: 'object' } } } };
const ifMatch = { name: 'If-Match', in: 'header', required: true, description: 'the ETag read (412 when stale, 428 when missing)', schema: { type: 'string' } };

function collectionPaths(id: CollectionId) {
  const c = COLLECTIONS[id];
  const base = `/collections/${id}`;
  const queryables = Object.entries(c.queryables).map(([name, q]) => ({
    name, in: 'query', required: false, description: `${q.title} (equals)`, schema: { type: q.type === 'date' || q.type === 'timestamp' ? 'string' : q.type },
  }));
  const editor = EDITORS[id as keyof typeof EDITORS];
  const writes = editor
    ? {
        post: {
          operationId: `create_${id}`, summary: `Create a ${id} feature (roles: ${editor.roles.join(', ')})`, tags: [id],
          parameters: [{ name: 'Content-Crs', in: 'header', required: false, schema: { type: 'string', enum: crsEnum.map((u) => `<${u}>`) } }],
          requestBody: featureBody,
          responses: { 201: { description: 'created; Location names it' }, 400: error, 401: error, 403: error, 409: error },
        },
      }
    : {};
  const itemWrites = editor
    ? {
        put: { operationId: `replace_${id}`, summary: 'Replace a feature', tags: [id], parameters: [ref('featureId'), ifMatch], requestBody: featureBody,
          responses: { 200: { description: 'replaced' }, 400: error, 401: error, 403: error, 404: error, 412: error, 428: error } },
        patch: { operationId: `update_${id}`, summary: 'Update some properties or the geometry of a feature', tags: [id], parameters: [ref('featureId'), ifMatch], requestBody: featureBody,
          responses: { 200: { description: 'updated' }, 400: error, 401: error, 403: error, 404: error, 412: error, 428: error } },
        delete: { operationId: `delete_${id}`, summary: 'Delete a feature', tags: [id], parameters: [ref('featureId'), ifMatch],
          responses: { 204: { description: 'deleted' }, 401: error, 403: error, 404: error, 412: error, 428: error } },
      }
    : {};
  return {
    [base]: { get: { operationId: `describe_${id}`, summary: c.title, tags: [id], parameters: [ref('f')], responses: { 200: { description: 'the collection' }, 404: error } } },
    [`${base}/queryables`]: { get: { operationId: `queryables_${id}`, tags: [id], parameters: [ref('f')], responses: { 200: { description: 'JSON Schema of the queryables', content: { 'application/schema+json': {} } } } } },
    [`${base}/items`]: {
      get: {
        operationId: `items_${id}`, summary: `${c.title}: features`, tags: [id],
        parameters: [ref('f'), ref('limit'), ref('offset'), ref('bbox'), ref('bbox-crs'), ref('crs'), ref('datetime'), ref('filter'), ref('filter-lang'), ref('filter-crs'), ...queryables],
        responses: {
          200: { description: 'a page of features; next/prev links', headers: { 'Content-Crs': { schema: { type: 'string' } } },
            content: { 'application/geo+json': { schema: { $ref: '#/components/schemas/featureCollection' } }, 'text/html': {} } },
          400: error,
        },
      },
      ...writes,
    },
    [`${base}/items/{featureId}`]: {
      get: { operationId: `item_${id}`, tags: [id], parameters: [ref('featureId'), ref('f'), ref('crs')],
        responses: { 200: { description: 'one feature (ETag)', content: { 'application/geo+json': {}, 'text/html': {} } }, 404: error } },
      ...itemWrites,
    },
  };
}

/** The OpenAPI 3.0 document, with `base` (the absolute /ogc URL) as its server. */
export function ogcOpenapi(base: string) {
  return {
    openapi: '3.0.3',
    info: { title: 'Etablera OGC API – Features', version: '1.0.0', description: 'Parts 1–3 and the Part 4 draft over the Etablera layers.' },
    servers: [{ url: base }],
    paths: {
      '/': { get: { operationId: 'landing', parameters: [ref('f')], responses: { 200: { description: 'landing page' } } } },
      '/conformance': { get: { operationId: 'conformance', parameters: [ref('f')], responses: { 200: { description: 'conformance classes' } } } },
      '/api': { get: { operationId: 'api', parameters: [ref('f')], responses: { 200: { description: 'this document' } } } },
      '/collections': { get: { operationId: 'collections', parameters: [ref('f')], responses: { 200: { description: 'the collections' } } } },
      ...Object.assign({}, ...COLLECTION_IDS.map(collectionPaths)),
    },
    components: {
      parameters: {
        f: { name: 'f', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'html'] } },
        featureId: { name: 'featureId', in: 'path', required: true, description: "the feature's ref", schema: { type: 'string' } },
        limit: { name: 'limit', in: 'query', required: false, style: 'form', explode: false, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
        offset: { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
        bbox: { name: 'bbox', in: 'query', required: false, style: 'form', explode: false, schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } } },
        'bbox-crs': { name: 'bbox-crs', in: 'query', required: false, schema: { type: 'string', format: 'uri', enum: crsEnum } },
        crs: { name: 'crs', in: 'query', required: false, schema: { type: 'string', format: 'uri', enum: crsEnum } },
        datetime: { name: 'datetime', in: 'query', required: false, schema: { type: 'string' } },
        filter: { name: 'filter', in: 'query', required: false, description: 'CQL2 (text or JSON, see filter-lang)', schema: { type: 'string' } },
        'filter-lang': { name: 'filter-lang', in: 'query', required: false, schema: { type: 'string', enum: ['cql2-text', 'cql2-json'], default: 'cql2-text' } },
        'filter-crs': { name: 'filter-crs', in: 'query', required: false, schema: { type: 'string', format: 'uri', enum: crsEnum } },
      },
      schemas: {
        error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
        featureCollection: {
          type: 'object', required: ['type', 'features'],
          properties: {
            type: { type: 'string', enum: ['FeatureCollection'] }, features: { type: 'array', items: { type: 'object' } },
            links: { type: 'array', items: { type: 'object' } }, timeStamp: { type: 'string', format: 'date-time' },
            numberMatched: { type: 'integer', minimum: 0 }, numberReturned: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
  };
}
