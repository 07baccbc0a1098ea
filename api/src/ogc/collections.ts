import { sqlFile } from '../db/sql-file';
import {
  LAND_STATUSES, MUNICIPALITY_RELATIONS, OWNER_TYPES, PLAN_STATUSES, PREMISES_KINDS, PREMISES_STATUSES, STOP_MODES, type ReadLayerName,
} from '../contract/enums';

/** A queryable's type, as Part 3 describes it in JSON Schema and CQL2 compares it. */
export type QueryableType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'timestamp';

export interface Queryable {
  type: QueryableType;
  title: string;
  /** allowed values, for the queryables document and the HTML form */
  enum?: readonly string[];
}

export type CollectionId = ReadLayerName;

export interface Collection {
  id: CollectionId;
  title: string;
  description: string;
  /** GeoJSON geometry types of the collection's features (for the queryables' `geometry`) */
  geometry: 'polygon' | 'point' | 'point-or-polygon';
  /** The row source (source-*.sql): its columns named like the queryables are the whitelist. */
  source: string;
  /** The feature property that `datetime` filters on; none: `datetime` is ignored. */
  temporal?: string;
  /**
   * The queryables: every name here is a column alias of `source`. CQL2 filters may name
   * these and `geometry`, nothing else; names never reach SQL except from this table.
   */
  queryables: Record<string, Queryable>;
}

const illustrative: Queryable = { type: 'boolean', title: 'Illustrative (invented) data' };
const ref: Queryable = { type: 'string', title: 'Reference (unique in the collection)' };

/** The six layers as OGC collections, in the order the landing page lists them. */
export const COLLECTIONS: Record<CollectionId, Collection> = {
  areas: {
    id: 'areas',
    title: 'Business areas',
    description: 'Business areas (verksamhetsområden) of the municipality, e.g. Länna, Flemingsberg, Kungens kurva.',
    geometry: 'polygon',
    source: sqlFile(__dirname, 'source-areas.sql'),
    temporal: 'updatedAt',
    queryables: {
      ref,
      name: { type: 'string', title: 'Name' },
      municipalityCode: { type: 'string', title: 'Municipality code' },
      illustrative,
      updatedAt: { type: 'timestamp', title: 'Last changed' },
    },
  },
  land: {
    id: 'land',
    title: 'Land parcels',
    description: 'Land parcels (fastigheter or parts of them) with owner type, sale status and price.',
    geometry: 'polygon',
    source: sqlFile(__dirname, 'source-land.sql'),
    temporal: 'updatedAt',
    queryables: {
      ref,
      ownerType: { type: 'string', title: 'Owner type', enum: OWNER_TYPES },
      ownerName: { type: 'string', title: 'Owner name' },
      status: { type: 'string', title: 'Status', enum: LAND_STATUSES },
      priceSekPerM2: { type: 'number', title: 'Price, SEK per m²' },
      areaRef: { type: 'string', title: 'Business area' },
      illustrative,
      updatedAt: { type: 'timestamp', title: 'Last changed' },
    },
  },
  plans: {
    id: 'plans',
    title: 'Detailed plan zones',
    description: 'Use zones (användningsområden) of detailed plans (detaljplaner) with status and building rights.',
    geometry: 'polygon',
    source: sqlFile(__dirname, 'source-plans.sql'),
    temporal: 'legalForceDate',
    queryables: {
      ref,
      planId: { type: 'string', title: 'Plan id' },
      planName: { type: 'string', title: 'Plan name' },
      status: {
        type: 'string', title: 'Plan status',
        enum: PLAN_STATUSES,
      },
      useCodes: { type: 'string', title: 'Use codes, comma-separated (LIKE \'%J%\' finds industry)' },
      legalForceDate: { type: 'date', title: 'Date of legal force' },
      expectedLegalForceDate: { type: 'date', title: 'Expected date of legal force' },
      implementationEndDate: { type: 'date', title: 'End of implementation period' },
      maxGrossFloorAreaM2: { type: 'number', title: 'Max gross floor area, m²' },
      maxGrossFloorAreaPercent: { type: 'number', title: 'Max gross floor area, % of the property area' },
      maxBuildingAreaM2: { type: 'number', title: 'Max building area, m²' },
      maxBuildingAreaPercent: { type: 'number', title: 'Max building area, % of the property area' },
      maxHeightM: { type: 'number', title: 'Max height, m' },
      illustrative,
    },
  },
  premises: {
    id: 'premises',
    title: 'Vacant premises',
    description: 'Vacant premises (lediga lokaler) listed by their owners.',
    geometry: 'point-or-polygon',
    source: sqlFile(__dirname, 'source-premises.sql'),
    temporal: 'availableFrom',
    queryables: {
      ref,
      title: { type: 'string', title: 'Title' },
      kind: { type: 'string', title: 'Kind', enum: PREMISES_KINDS },
      floorAreaM2: { type: 'number', title: 'Floor area, m²' },
      rentSekPerM2Year: { type: 'number', title: 'Rent, SEK per m² and year' },
      availableFrom: { type: 'date', title: 'Available from' },
      status: { type: 'string', title: 'Status', enum: PREMISES_STATUSES },
      address: { type: 'string', title: 'Address' },
      illustrative,
    },
  },
  stops: {
    id: 'stops',
    title: 'Public transport stops',
    description: 'Stops and stations of public transport, existing and planned.',
    geometry: 'point',
    source: sqlFile(__dirname, 'source-stops.sql'),
    queryables: {
      ref,
      name: { type: 'string', title: 'Name' },
      mode: { type: 'string', title: 'Mode', enum: STOP_MODES },
      planned: { type: 'boolean', title: 'Planned' },
      openingYear: { type: 'integer', title: 'Opening year (planned stops)' },
      departuresPerHour: { type: 'number', title: 'Weekday departures per hour, 07–09' },
      municipalityCode: { type: 'string', title: 'Municipality code' },
      illustrative,
    },
  },
  municipalities: {
    id: 'municipalities',
    title: 'Municipalities',
    description: 'Huddinge and the municipalities of the region, for orientation.',
    geometry: 'polygon',
    source: sqlFile(__dirname, 'source-municipalities.sql'),
    queryables: {
      ref: { type: 'string', title: 'Municipality code' },
      name: { type: 'string', title: 'Name' },
      relation: { type: 'string', title: 'Relation to Huddinge', enum: MUNICIPALITY_RELATIONS },
    },
  },
};

export const COLLECTION_IDS = Object.keys(COLLECTIONS) as CollectionId[];
export const isCollectionId = (s: string): s is CollectionId => Object.hasOwn(COLLECTIONS, s);
