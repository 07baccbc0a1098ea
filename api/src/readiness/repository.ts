import type { MatchUse, PlanStatus } from '../contract/enums';
import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';

const landOverlaySql = sqlFile(__dirname, 'land-overlay.sql');
const vacantPremisesSql = sqlFile(__dirname, 'vacant-premises.sql');
const floorAreaSql = sqlFile(__dirname, 'floor-area.sql');
const listAreasSql = sqlFile(__dirname, 'list-areas.sql');
const listUsesSql = sqlFile(__dirname, 'list-uses.sql');
const pipelineSql = sqlFile(__dirname, 'pipeline.sql');

/** `areaRef` null = a parcel with no area (land) or the municipality's figure (premises, floor area). */
export interface LandRow { areaRef: string | null; inMunicipality: boolean; use: MatchUse; year: string; readyM2: number; inProgressM2: number }
export interface PremisesRow { areaRef: string | null; use: MatchUse; kind: string; m2: number }
export interface FloorAreaRow { areaRef: string | null; use: MatchUse; grossFloorAreaM2: number | null; zones: number; zonesStating: number }
export interface AreaRow { ref: string; name: string; municipalityCode: string; anyIllustrative: boolean }
export interface UseRow { use: MatchUse; planCodes: string[]; premisesKinds: string[] }
export interface PlanRow {
  planId: string; name: string; status: PlanStatus;
  legalForceDate: string | null; expectedLegalForceDate: string | null; implementationEndDate: string | null;
  statusChangedAt: string | null; daysInStatus: number | null;
  implementationEndsSoon: boolean; stuck: boolean;
  useCodes: string[]; areaRefs: string[]; zoneHa: number | null; grossFloorAreaM2: number | null; illustrative: boolean;
}

export async function landOverlay(db: Queryable, municipality: string, use: string | null): Promise<LandRow[]> {
  return (await db.query(landOverlaySql, [municipality, use])).rows;
}

export async function vacantPremises(db: Queryable, staleDays: number, municipality: string, use: string | null): Promise<PremisesRow[]> {
  return (await db.query(vacantPremisesSql, [staleDays, municipality, use])).rows;
}

export async function permittedFloorArea(db: Queryable, municipality: string, use: string | null): Promise<FloorAreaRow[]> {
  return (await db.query(floorAreaSql, [municipality, use])).rows;
}

export async function listAreas(db: Queryable): Promise<AreaRow[]> {
  return (await db.query(listAreasSql)).rows;
}

export async function listUses(db: Queryable): Promise<UseRow[]> {
  return (await db.query(listUsesSql)).rows;
}

export async function listPipeline(db: Queryable, area: string | null, windowYears: number, stuckDays: number, today: string): Promise<PlanRow[]> {
  return (await db.query(pipelineSql, [area, windowYears, stuckDays, today])).rows;
}

const listRequestsSql = sqlFile(__dirname, 'list-requests.sql');

export async function listSavedRequests(db: Queryable, use?: string, area?: string): Promise<Array<{ id: number; criteria: unknown }>> {
  return (await db.query(listRequestsSql, [use ?? null, area ?? null])).rows;
}
