import { z } from 'zod';
import { errorResponses } from '../openapi/shared';
import { STOP_MODES } from '../layers/enums';
import { CRITERIA, DEFAULT_WEIGHTS, EXCLUSION_REASONS, matchRequestSchema } from './schema';

const criterionSchema = {
  type: 'object',
  required: ['score', 'weight', 'detail'],
  properties: {
    score: { type: 'number', minimum: 0, maximum: 1 },
    weight: { type: 'number', minimum: 0 },
    detail: { type: 'string', examples: ['612 m to Flemingsberg station (commuter rail)'] },
  },
};

/** JSON Schema of one ranked result (docs/design.md, Matching, Response). */
export const matchResultJsonSchema = {
  type: 'object',
  required: ['rank', 'kind', 'ref', 'areaRef', 'score', 'usableAreaM2', 'readiness', 'readyDate', 'planIds', 'transit', 'buildingRight', 'criteria', 'geometry'],
  properties: {
    rank: { type: 'integer', minimum: 1 },
    kind: { enum: ['land', 'premises'] },
    ref: { type: 'string', description: 'fastighetsbeteckning (land) or listing ref (premises)' },
    areaRef: { type: ['string', 'null'] },
    score: { type: 'number', minimum: 0, maximum: 1, description: 'weighted mean of the criteria scores' },
    usableAreaM2: { type: 'number', description: 'land: parcel area zoned for the use; premises: floor area' },
    readiness: { enum: ['ready', 'in_progress'] },
    readyDate: { type: ['string', 'null'], format: 'date', description: 'in_progress land: expected legal force; premises: availableFrom' },
    planIds: { type: 'array', items: { type: 'string' } },
    transit: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['ref', 'name', 'mode', 'distanceM', 'departuresPerHour'],
          properties: {
            ref: { type: 'string' }, name: { type: 'string' }, mode: { enum: STOP_MODES }, distanceM: { type: 'number' },
            departuresPerHour: { type: ['number', 'null'], description: 'weekday departures an hour 07–09 (GTFS import); null: not known' },
          },
        },
      ],
    },
    buildingRight: {
      description: 'land: rule 6 over the zone parts that give the usable area, each null when unknown; premises: null',
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['grossFloorAreaM2', 'buildingFootprintM2', 'maxHeightM'],
          properties: {
            grossFloorAreaM2: { type: ['number', 'null'] },
            buildingFootprintM2: { type: ['number', 'null'] },
            maxHeightM: { type: ['number', 'null'] },
          },
        },
      ],
    },
    criteria: { type: 'object', required: [...CRITERIA], properties: Object.fromEntries(CRITERIA.map((c) => [c, criterionSchema])) },
    geometry: { type: 'object', description: 'GeoJSON geometry, EPSG:4326' },
  },
};

export const matchResponseJsonSchema = {
  type: 'object',
  required: ['results', 'excluded'],
  properties: {
    results: { type: 'array', items: matchResultJsonSchema },
    excluded: {
      type: 'object',
      description: 'candidates of the requested kinds left out, each under the first failing reason, in this order',
      required: [...EXCLUSION_REASONS],
      properties: Object.fromEntries(EXCLUSION_REASONS.map((k) => [k, { type: 'integer', minimum: 0 }])),
    },
  },
};

/** The request body's JSON Schema, generated from the zod schema the route validates with. */
export const matchRequestJsonSchema = () => z.toJSONSchema(matchRequestSchema, { io: 'input', unrepresentable: 'any' });

const weightsText = CRITERIA.map((c) => `${c} ${DEFAULT_WEIGHTS[c]}`).join(', ');

/** OpenAPI paths of the matching component. */
export function matchingPaths(): Record<string, unknown> {
  return {
    '/api/match': {
      post: {
        tags: ['matching'],
        summary: 'Rank candidate land parcels and premises for a company requirement',
        description:
          'Hard rules in PostGIS (EPSG:3006): availability, area restriction, zoning for the use (use table), size ' +
          'bounds on the usable area, readiness by neededBy, nearest qualifying stop within maxDistanceToStationM. ' +
          `Survivors are scored by weighted criteria (default weights: ${weightsText}); score is the weighted mean in [0, 1]. ` +
          'Ties: nearer transit, ready before in_progress, land before premises, then ref. See api/src/matching/README.md.',
        operationId: 'match',
        requestBody: { required: true, content: { 'application/json': { schema: matchRequestJsonSchema() } } },
        responses: {
          200: { description: 'Ranked results and exclusion counts', content: { 'application/json': { schema: matchResponseJsonSchema } } },
          ...errorResponses(400, 413),
        },
      },
    },
  };
}
