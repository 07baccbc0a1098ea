import type { ZodObject, ZodRawShape } from 'zod';
import type { Queryable } from '../db/pool';
import type { Srid } from '../geo/crs';
import type { GeometryKind } from '../geo/validate-geometry';
import { areaProperties } from '../areas/schema';
import { upsertArea } from '../areas/repository';
import { landProperties } from '../land/schema';
import { upsertLand } from '../land/repository';
import { planZoneProperties } from '../plans/schema';
import { upsertPlanZone } from '../plans/repository';
import { premisesProperties } from '../premises/schema';
import { upsertPremises } from '../premises/repository';
import { stopProperties } from '../transit/schema';
import { upsertStop } from '../transit/repository';
import { municipalityProperties } from '../municipalities/schema';
import { upsertMunicipality } from '../municipalities/repository';

export interface LayerSpec {
  geometryKinds: readonly GeometryKind[];
  /** The layer's properties contract (strict: extra keys are split off before parsing). */
  properties: ZodObject<ZodRawShape>;
  upsert: (db: Queryable, props: never, geometry: unknown, srid: Srid) => Promise<boolean>;
}

const polygons = ['Polygon', 'MultiPolygon'] as const;

/** Every loadable layer: its geometry types, property schema and upsert. */
export const LAYERS = {
  municipalities: { geometryKinds: polygons, properties: municipalityProperties, upsert: upsertMunicipality },
  areas: { geometryKinds: polygons, properties: areaProperties, upsert: upsertArea },
  stops: { geometryKinds: ['Point'], properties: stopProperties, upsert: upsertStop },
  plans: { geometryKinds: polygons, properties: planZoneProperties, upsert: upsertPlanZone },
  land: { geometryKinds: polygons, properties: landProperties, upsert: upsertLand },
  premises: { geometryKinds: ['Point', ...polygons], properties: premisesProperties, upsert: upsertPremises },
} satisfies Record<string, LayerSpec>;

export type LayerName = keyof typeof LAYERS;
/** The order a full seed loads in: areas before what is linked to them. */
export const LAYER_NAMES = Object.keys(LAYERS) as LayerName[];

export const isLayerName = (s: string): s is LayerName => Object.hasOwn(LAYERS, s);
