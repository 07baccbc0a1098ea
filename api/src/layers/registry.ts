import type { ZodObject, ZodRawShape } from 'zod';
import type { Queryable } from '../db/pool';
import type { Srid } from '../geo/crs';
import type { GeometryKind } from '../geo/validate-geometry';
import type { CheckedFeature } from './check-features';
import type { LoadIssue } from './load-error';
import { areaProperties } from '../areas/schema';
import { upsertArea } from '../areas/repository';
import { landProperties } from '../land/schema';
import { rederiveAreaRefs, upsertLand } from '../land/repository';
import { planZoneProperties } from '../plans/schema';
import { upsertPlanZone } from '../plans/repository';
import { planConsistency } from '../plans/load-check';
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
  /** The property naming an area the feature belongs to; the loader checks that it exists. */
  areaRefProperty?: string;
  /** Problems only the whole file shows (e.g. zones of one plan that disagree). */
  checkAll?: (items: CheckedFeature[]) => LoadIssue[];
  /** Runs after the layer's features are written, in the same transaction. */
  afterLoad?: (db: Queryable) => Promise<unknown>;
}

const polygons = ['Polygon', 'MultiPolygon'] as const;

/** Every loadable layer: its geometry types, property schema and upsert. */
const layers = {
  municipalities: { geometryKinds: polygons, properties: municipalityProperties, upsert: upsertMunicipality },
  // Parcels without an areaRef of their own get the area they overlap most, again.
  areas: { geometryKinds: polygons, properties: areaProperties, upsert: upsertArea, afterLoad: rederiveAreaRefs },
  stops: { geometryKinds: ['Point'], properties: stopProperties, upsert: upsertStop },
  plans: { geometryKinds: polygons, properties: planZoneProperties, upsert: upsertPlanZone, checkAll: planConsistency },
  land: { geometryKinds: polygons, properties: landProperties, upsert: upsertLand, areaRefProperty: 'areaRef' },
  premises: { geometryKinds: ['Point', ...polygons], properties: premisesProperties, upsert: upsertPremises },
} satisfies Record<string, LayerSpec>;

export type LayerName = keyof typeof layers;
export const LAYERS: Record<LayerName, LayerSpec> = layers;
/** The order a full seed loads in: areas before what is linked to them. */
export const LAYER_NAMES = Object.keys(LAYERS) as LayerName[];

export const isLayerName = (s: string): s is LayerName => Object.hasOwn(LAYERS, s);
