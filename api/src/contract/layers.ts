/** The read and write API of the map layers (docs: Layers): queries, feature properties, endpoints. */
import { z } from 'zod';
import { bboxParam } from '../geo/bbox';
import { parseCrs } from '../geo/crs';
import {
  LAND_STATUSES, MATCH_USES, MUNICIPALITY_RELATIONS, OWNER_TYPES, PLAN_STATUSES, PREMISES_KINDS, PREMISES_STATUSES,
  RESERVATION_KINDS, STOP_MODES, USE_CODE_LETTERS,
} from './enums';
import { csvEnum, isoDate, useCode } from './rules';
import { featureCollection, feature, ifMatchHeader } from './common';
import { geojson, type Endpoint } from './endpoint';

const crs = z
  .string({ error: 'must be given once' })
  .transform((s, ctx) => {
    const srid = parseCrs(s);
    if (!srid) {
      ctx.addIssue({ code: 'custom', message: 'must be 4326 or 3006 (EPSG codes or OGC URIs)' });
      return z.NEVER;
    }
    return srid;
  })
  .optional()
  .meta({ description: 'output and bbox CRS: 4326 (default, RFC 7946) or 3006 (SWEREF 99 TM metres)' });

/** The query parameters every layer accepts: bbox, area, crs. */
export const commonQuery = {
  bbox: bboxParam.optional().meta({ description: 'minX,minY,maxX,maxY in the crs (default lon/lat EPSG:4326); features intersecting it' }),
  area: z.string({ error: 'must be given once' }).min(1).optional().meta({ description: 'area ref (e.g. lanna); features in that area' }),
  crs,
};

/** GET /api/{layer}/{ref} and the write endpoints take only `crs`. */
export const getQuery = z.strictObject({ crs: commonQuery.crs });

// ---- areas
export const areasQuery = z.strictObject({ ...commonQuery });
export type AreasQuery = z.output<typeof areasQuery>;
/** Properties of an `areas` feature. */
export const areaProperties = z.strictObject({
  ref: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug like kungens-kurva'),
  name: z.string().min(1),
  municipalityCode: z.string().regex(/^\d{4}$/, 'must be a four-digit kommunkod').default('0126'),
  profile: z.string().nullish(),
  facts: z.record(z.string(), z.unknown()).nullish(),
  illustrative: z.boolean().default(false),
  source: z.string().nullish(),
});
export type AreaProperties = z.output<typeof areaProperties>;

// ---- land
export const landQuery = z.strictObject({
  ...commonQuery,
  status: csvEnum(LAND_STATUSES).optional(),
  ownerType: csvEnum(OWNER_TYPES).optional(),
});
export type LandQuery = z.output<typeof landQuery>;
/** Properties of a `land` feature. */
export const landProperties = z.strictObject({
  ref: z.string().min(1),
  ownerType: z.enum(OWNER_TYPES),
  ownerName: z.string().nullish(),
  status: z.enum(LAND_STATUSES),
  priceSekPerM2: z.number().nonnegative().nullish(),
  areaRef: z.string().min(1).nullish(),
  illustrative: z.boolean().default(false),
  source: z.string().nullish(),
});
export type LandProperties = z.output<typeof landProperties>;

/**
 * A parcel as the business unit edits it: the layer's properties plus a reservation or
 * land allocation (markanvisning), which has an end date and implies status `reserved`.
 */
export const landWriteProperties = landProperties
  .extend({
    reservationKind: z.enum(RESERVATION_KINDS).nullish(),
    reservedUntil: isoDate.nullish(),
    reservedFor: z.string().trim().max(200).nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.reservationKind && !p.reservedUntil) {
      ctx.addIssue({ code: 'custom', path: ['reservedUntil'], message: 'is required for a reservation or markanvisning (its end date)' });
    }
    if (p.reservationKind && p.status !== 'reserved') {
      ctx.addIssue({ code: 'custom', path: ['status'], message: `must be reserved while the parcel has a ${p.reservationKind}` });
    }
    if (!p.reservationKind && (p.reservedUntil || p.reservedFor)) {
      ctx.addIssue({ code: 'custom', path: ['reservationKind'], message: 'is required when reservedUntil or reservedFor is given' });
    }
  });
export type LandWriteProperties = z.output<typeof landWriteProperties>;

// ---- plans
/** `use` filter: a Boverket code letter (J) or a matching use (logistics). */
const USE_FILTER_VALUES = [...MATCH_USES, ...USE_CODE_LETTERS] as [string, ...string[]];
export const plansQuery = z.strictObject({
  ...commonQuery,
  status: csvEnum(PLAN_STATUSES).optional(),
  use: csvEnum(USE_FILTER_VALUES).optional(),
  planId: z.string({ error: 'must be given once' }).min(1).optional(),
});
export type PlansQuery = z.output<typeof plansQuery>;

const today = () => new Date().toISOString().slice(0, 10);

/** Properties of a `plans` feature: one use zone of a detailed plan. */
export const planZoneProperties = z
  .strictObject({
    ref: z.string().min(1),
    planId: z.string().min(1),
    planName: z.string().min(1),
    status: z.enum(PLAN_STATUSES),
    useCodes: z.array(useCode).min(1, 'must name at least one use code'),
    legalForceDate: isoDate.nullish(),
    expectedLegalForceDate: isoDate.nullish(),
    implementationEndDate: isoDate.nullish(),
    maxGrossFloorAreaM2: z.number().positive().nullish(),
    maxGrossFloorAreaPercent: z.number().positive().nullish(),
    maxBuildingAreaM2: z.number().positive().nullish(),
    maxBuildingAreaPercent: z.number().positive().max(100, 'must be at most 100 (% of the property area)').nullish(),
    maxHeightM: z.number().positive().nullish(),
    statusChangedAt: isoDate.nullish(),
    illustrative: z.boolean().default(false),
    source: z.string().nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.status === 'in_force' && !p.legalForceDate) {
      ctx.addIssue({ code: 'custom', path: ['legalForceDate'], message: 'is required when status is in_force' });
    }
    if (p.legalForceDate && p.legalForceDate > today()) {
      ctx.addIssue({ code: 'custom', path: ['legalForceDate'], message: 'must not be in the future' });
    }
  });
export type PlanZoneProperties = z.output<typeof planZoneProperties>;
/** The plan-level fields that every zone of one plan must agree on. */
export const PLAN_LEVEL_FIELDS = ['planName', 'status', 'legalForceDate', 'expectedLegalForceDate', 'implementationEndDate', 'statusChangedAt'] as const;

// ---- premises
export const premisesQuery = z.strictObject({
  ...commonQuery,
  status: csvEnum(PREMISES_STATUSES).optional(),
  kind: csvEnum(PREMISES_KINDS).optional(),
  use: csvEnum(MATCH_USES).optional(),
});
export type PremisesQuery = z.output<typeof premisesQuery>;
/** Properties of a `premises` feature: a vacant premises listing. */
export const premisesProperties = z.strictObject({
  ref: z.string().min(1),
  title: z.string().min(1),
  kind: z.enum(PREMISES_KINDS),
  floorAreaM2: z.number().positive(),
  rentSekPerM2Year: z.number().nonnegative().nullish(),
  availableFrom: isoDate.nullish(),
  status: z.enum(PREMISES_STATUSES),
  address: z.string().nullish(),
  illustrative: z.boolean().default(false),
  source: z.string().nullish(),
});
export type PremisesProperties = z.output<typeof premisesProperties>;

// ---- stops
export const stopsQuery = z.strictObject({
  ...commonQuery,
  mode: csvEnum(STOP_MODES).optional(),
  planned: z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true').optional(),
});
export type StopsQuery = z.output<typeof stopsQuery>;
/** Properties of a `stops` feature. */
export const stopProperties = z.strictObject({
  ref: z.string().min(1),
  name: z.string().min(1),
  mode: z.enum(STOP_MODES),
  planned: z.boolean().default(false),
  openingYear: z.number().int().min(1850).max(2200).nullish(),
  /** Weekday departures per hour, 07:00–09:00, averaged (the GTFS import computes it). */
  departuresPerHour: z.number().nonnegative().nullish(),
  sourceId: z.string().nullish(),
  municipalityCode: z.string().regex(/^\d{4}$/).nullish(),
  illustrative: z.boolean().default(false),
  source: z.string().nullish(),
});
export type StopProperties = z.output<typeof stopProperties>;

// ---- municipalities
export const municipalitiesQuery = z.strictObject({
  bbox: commonQuery.bbox,
  crs: commonQuery.crs,
  relation: z.enum(MUNICIPALITY_RELATIONS, { error: 'must be focus, neighbour or other' }).optional(),
});
export type MunicipalitiesQuery = z.output<typeof municipalitiesQuery>;
/** Properties of a `municipalities` feature: a municipal boundary with its neighbours. */
export const municipalityProperties = z.strictObject({
  ref: z.string().regex(/^\d{4}$/, 'must be a four-digit kommunkod'),
  name: z.string().min(1),
  neighbours: z.array(z.string().regex(/^\d{4}$/)).default([]),
  relation: z.enum(MUNICIPALITY_RELATIONS).default('other'),
  source: z.string().nullish(),
});
export type MunicipalityProperties = z.output<typeof municipalityProperties>;

// ---- endpoints
/** Each read layer: its list query and a summary for the document. */
export const READ_LAYERS = {
  areas: { query: areasQuery, summary: 'Business areas (Länna, Flemingsberg, Kungens kurva, ...)' },
  land: { query: landQuery, summary: 'Land parcels (fastigheter or parts) with owner type, status and price' },
  plans: { query: plansQuery, summary: 'Use zones of detailed plans (detaljplaner), with Boverket use codes and names' },
  premises: { query: premisesQuery, summary: 'Vacant premises listings' },
  stops: { query: stopsQuery, summary: 'Public transport stops and stations, existing and planned' },
  municipalities: { query: municipalitiesQuery, summary: 'Municipal boundaries of Stockholm county with neighbours (basemap)' },
} as const;
export type ReadLayer = keyof typeof READ_LAYERS;

const refParams = z.object({ ref: z.string() });
const readEndpoints: Endpoint[] = Object.entries(READ_LAYERS).flatMap(([layer, { query, summary }]): Endpoint[] => [
  {
    method: 'get', path: `/api/${layer}`, tags: ['layers'], summary, operationId: `list_${layer}`, request: { query },
    responses: { 200: { description: 'GeoJSON FeatureCollection', content: geojson(featureCollection) } }, errors: [400],
  },
  {
    method: 'get', path: `/api/${layer}/{ref}`, tags: ['layers'], summary: `One feature of ${layer} by ref`, operationId: `get_${layer}`,
    request: { params: refParams, query: getQuery },
    responses: { 200: { description: 'GeoJSON Feature', content: geojson(feature) } }, errors: [400, 404],
  },
]);

const featureBody = (description: string) => ({ schema: feature, description, contentTypes: ['application/json', 'application/geo+json'] });
const stored = (what: string) => ({ description: `${what}; ETag header = the version to send as If-Match`, content: geojson(feature) });

/** Who may write each layer, and what a record is called. */
const WRITERS = {
  premises: { create: 'owner, business, admin', update: 'its owner, business, admin', what: 'a premises listing', change: 'a listing' },
  plans: { create: 'planner, admin', update: 'planner, admin', what: 'a plan zone (and its plan when new)', change: 'a plan zone and its plan (status pipeline)' },
  land: { create: 'business, admin', update: 'business, admin', what: 'a land parcel', change: 'a parcel (status, price, reservation/markanvisning)' },
} as const;

const writeEndpoints: Endpoint[] = Object.entries(WRITERS).flatMap(([layer, w]): Endpoint[] => [
  {
    method: 'post', path: `/api/${layer}`, tags: ['editing'], summary: `Create ${w.what} (${w.create})`, operationId: `create_${layer}`,
    request: { query: getQuery, body: featureBody('a GeoJSON Feature with the layer properties') },
    responses: { 201: stored('the stored Feature') }, errors: [400, 401, 403, 409],
  },
  {
    method: 'patch', path: `/api/${layer}/{ref}`, tags: ['editing'], operationId: `update_${layer}`,
    summary: `Change ${w.change} (${w.update}): properties given change, geometry optional`,
    request: { params: refParams, query: getQuery, headers: ifMatchHeader, body: featureBody('a GeoJSON Feature with the properties to change; read-only properties are ignored') },
    responses: { 200: stored('the stored Feature') }, errors: [400, 401, 403, 404, 412, 428],
  },
]);

export const layerEndpoints: Endpoint[] = [
  ...readEndpoints,
  ...writeEndpoints,
  {
    method: 'post', path: '/api/premises/{ref}/confirm', tags: ['editing'], operationId: 'confirm_premises',
    summary: '"Still available": the listing is confirmed now and no longer stale',
    request: { params: refParams, query: getQuery }, responses: { 200: stored('the listing') }, errors: [401, 403, 404],
  },
  {
    method: 'get', path: '/api/my/premises', tags: ['editing'], summary: 'The signed-in owner’s listings (staff: all)', operationId: 'my_premises',
    request: { query: getQuery }, responses: { 200: { description: 'FeatureCollection', content: geojson(featureCollection) } }, errors: [401, 403],
  },
];
