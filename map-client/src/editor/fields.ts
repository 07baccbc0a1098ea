// The attribute form of each editable layer: the contract's layer properties.
import {
  LAND_STATUSES, OWNER_TYPES, PLAN_STATUSES, PREMISES_KINDS, PREMISES_STATUSES, RESERVATION_KINDS, etagOf as contractEtag,
  WRITABLE_LAYERS, type Role, type WritableLayer,
} from '@etablera/contract';

export type LayerName = WritableLayer;
export type { Role };

export interface Field {
  name: string;
  type: 'text' | 'number' | 'date' | 'select' | 'codes';
  required?: boolean;
  /** enum values (select); '' = none when not required */
  options?: readonly string[];
  /** only set when the record is created (its identity) */
  createOnly?: boolean;
}

export const FIELDS: Record<LayerName, Field[]> = {
  premises: [
    { name: 'title', type: 'text', required: true },
    { name: 'kind', type: 'select', required: true, options: PREMISES_KINDS },
    { name: 'floorAreaM2', type: 'number', required: true },
    { name: 'rentSekPerM2Year', type: 'number' },
    { name: 'availableFrom', type: 'date' },
    { name: 'status', type: 'select', required: true, options: PREMISES_STATUSES },
    { name: 'address', type: 'text' },
  ],
  plans: [
    { name: 'ref', type: 'text', required: true, createOnly: true },
    { name: 'planId', type: 'text', required: true, createOnly: true },
    { name: 'planName', type: 'text', required: true },
    { name: 'status', type: 'select', required: true, options: PLAN_STATUSES },
    { name: 'useCodes', type: 'codes', required: true },
    { name: 'legalForceDate', type: 'date' },
    { name: 'expectedLegalForceDate', type: 'date' },
    { name: 'implementationEndDate', type: 'date' },
    { name: 'maxGrossFloorAreaM2', type: 'number' },
    { name: 'maxGrossFloorAreaPercent', type: 'number' },
    { name: 'maxBuildingAreaM2', type: 'number' },
    { name: 'maxBuildingAreaPercent', type: 'number' },
    { name: 'maxHeightM', type: 'number' },
  ],
  land: [
    { name: 'ref', type: 'text', required: true, createOnly: true },
    { name: 'ownerType', type: 'select', required: true, options: OWNER_TYPES },
    { name: 'ownerName', type: 'text' },
    { name: 'status', type: 'select', required: true, options: LAND_STATUSES },
    { name: 'priceSekPerM2', type: 'number' },
    { name: 'reservationKind', type: 'select', options: RESERVATION_KINDS },
    { name: 'reservedUntil', type: 'date' },
    { name: 'reservedFor', type: 'text' },
  ],
};

/** Which layers a role edits (the API enforces the same: api/src/<layer>/write-routes.ts). */
export const LAYERS_OF: Record<Role, LayerName[]> = {
  owner: ['premises'],
  business: ['premises', 'land'],
  planner: ['plans'],
  admin: [...WRITABLE_LAYERS],
};

/** Bottom to top on the map: parcels, then plan zones, then premises points on top. */
export const DRAW_ORDER: readonly LayerName[] = [...WRITABLE_LAYERS].reverse();

export const GEOMETRY_OF: Record<LayerName, 'Point' | 'Polygon'> = { premises: 'Point', plans: 'Polygon', land: 'Polygon' };

/** Defaults of a new record. */
export const DEFAULTS: Record<LayerName, Record<string, unknown>> = {
  premises: { status: 'available', kind: 'office' },
  plans: { status: 'programme', useCodes: ['J'] },
  land: { status: 'available', ownerType: 'municipal' },
};

/** The ETag of a feature by the contract's formula: a plan zone's also names its plan's version. */
export function etagOf(layer: LayerName, p: Record<string, unknown>): string {
  return layer === 'plans' ? contractEtag(Number(p.version), Number(p.planVersion)) : contractEtag(Number(p.version));
}
