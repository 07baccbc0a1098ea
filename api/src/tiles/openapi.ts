import { errorResponses } from '../openapi/shared';
import { TILE_LAYERS } from './schema';

const tileInt = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'integer', minimum: 0 },
});

/** OpenAPI paths of the vector tiles. */
export const tilesPaths = () => ({
  '/tiles/{layer}/{z}/{x}/{y}.mvt': {
    get: {
      tags: ['tiles'],
      summary: 'Mapbox Vector Tile of a polygon layer (web mercator XYZ), made with ST_AsMVT from the SWEREF 99 TM tables',
      description:
        'ETag changes whenever the layer data changes (plans: zones, plans or use codes); send If-None-Match to get 304. ' +
        'Cache-Control: no-cache, so clients revalidate every tile and never show a stale one.',
      operationId: 'getTile',
      parameters: [
        { name: 'layer', in: 'path', required: true, schema: { type: 'string', enum: [...TILE_LAYERS] } },
        tileInt('z', 'zoom, 0–22'),
        tileInt('x', 'column, below 2^z'),
        tileInt('y', 'row, below 2^z'),
        { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
      ],
      responses: {
        200: { description: 'the tile (possibly empty)', content: { 'application/vnd.mapbox-vector-tile': { schema: { type: 'string', format: 'binary' } } } },
        304: { description: 'not modified since the ETag given' },
        ...errorResponses(400),
      },
    },
  },
  '/tiles/{layer}.json': {
    get: {
      tags: ['tiles'],
      summary: 'TileJSON 3.0 of a tile layer (plans: with Boverket use codes and colours)',
      operationId: 'getTileJson',
      parameters: [{ name: 'layer', in: 'path', required: true, schema: { type: 'string', enum: [...TILE_LAYERS] } }],
      responses: { 200: { description: 'TileJSON' }, ...errorResponses(400) },
    },
  },
});
