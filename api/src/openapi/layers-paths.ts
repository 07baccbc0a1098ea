import { LAND_STATUSES, MATCH_USES, OWNER_TYPES, PLAN_STATUSES, PREMISES_KINDS, PREMISES_STATUSES, STOP_MODES, USE_CODE_LETTERS } from '../layers/enums';
import { errorResponses, geojsonRef } from './shared';

type Param = { name: string; description: string; enum?: readonly string[] };

const common: Param[] = [
  { name: 'bbox', description: 'minX,minY,maxX,maxY in the crs (default lon/lat EPSG:4326); features intersecting it' },
  { name: 'area', description: 'area ref (e.g. lanna); features in that area' },
  { name: 'crs', description: 'output and bbox CRS: 4326 (default, RFC 7946) or 3006 (SWEREF 99 TM metres)' },
];
const list = (values: readonly string[]) => `comma-separated, any of: ${values.join(', ')}`;

const LAYER_PARAMS: Record<string, { summary: string; params: Param[] }> = {
  areas: { summary: 'Business areas (Länna, Flemingsberg, Kungens kurva, ...)', params: [] },
  land: {
    summary: 'Land parcels (fastigheter or parts) with owner type, status and price',
    params: [
      { name: 'status', description: list(LAND_STATUSES), enum: LAND_STATUSES },
      { name: 'ownerType', description: list(OWNER_TYPES), enum: OWNER_TYPES },
    ],
  },
  plans: {
    summary: 'Use zones of detailed plans (detaljplaner), with Boverket use codes and names',
    params: [
      { name: 'status', description: list(PLAN_STATUSES), enum: PLAN_STATUSES },
      { name: 'use', description: `Boverket code letters or matching uses, ${list([...MATCH_USES, ...USE_CODE_LETTERS])}` },
      { name: 'planId', description: 'only the zones of this plan' },
    ],
  },
  premises: {
    summary: 'Vacant premises listings',
    params: [
      { name: 'status', description: list(PREMISES_STATUSES), enum: PREMISES_STATUSES },
      { name: 'kind', description: list(PREMISES_KINDS), enum: PREMISES_KINDS },
      { name: 'use', description: `premises kinds serving a use, ${list(MATCH_USES)}`, enum: MATCH_USES },
    ],
  },
  stops: {
    summary: 'Public transport stops and stations, existing and planned',
    params: [
      { name: 'mode', description: list(STOP_MODES), enum: STOP_MODES },
      { name: 'planned', description: 'true or false' },
    ],
  },
  municipalities: {
    summary: 'Municipal boundaries of Stockholm county with neighbours (basemap)',
    params: [{ name: 'relation', description: 'focus, neighbour or other' }],
  },
};

const asParameter = (p: Param) => ({
  name: p.name,
  in: 'query',
  required: false,
  description: p.description,
  schema: { type: 'string' },
});

/** OpenAPI paths of the read API of every layer. */
export function layerPaths(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [layer, { summary, params }] of Object.entries(LAYER_PARAMS)) {
    const own = layer === 'municipalities' ? common.filter((p) => p.name !== 'area') : common;
    paths[`/api/${layer}`] = {
      get: {
        tags: ['layers'],
        summary,
        operationId: `list_${layer}`,
        parameters: [...own, ...params].map(asParameter),
        responses: {
          200: { description: 'GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: geojsonRef('FeatureCollection') } } },
          ...errorResponses(400),
        },
      },
    };
    paths[`/api/${layer}/{ref}`] = {
      get: {
        tags: ['layers'],
        summary: `One feature of ${layer} by ref`,
        operationId: `get_${layer}`,
        parameters: [
          { name: 'ref', in: 'path', required: true, schema: { type: 'string' } },
          asParameter(common[2]),
        ],
        responses: {
          200: { description: 'GeoJSON Feature', content: { 'application/geo+json': { schema: geojsonRef('Feature') } } },
          ...errorResponses(400, 404),
        },
      },
    };
  }
  return paths;
}
