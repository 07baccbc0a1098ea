import type { Queryable } from '../../db/pool';
import { sqlFile } from '../../db/sql-file';
import type { PlanStatus } from '../../layers/enums';
import { MAX_AREA_M2 } from '../../geo/limits';
import type { GeometryPart } from './read-document';
import type { NationalPlanFields } from './plan-fields';
import type { OverlayRow, ZoneRights } from './zone-rights';

const sql = (name: string) => sqlFile(__dirname, name);

export interface StoredNationalPlan {
  planId: string;
  name: string;
  status: PlanStatus;
  nationalVersion: number | null;
  versionValidFrom: Date | null;
  zoneRefs: string[];
}

/** The plan with this objektidentitet, locked for the import's transaction. */
export async function findNationalPlan(db: Queryable, nationalId: string): Promise<StoredNationalPlan | undefined> {
  return (await db.query(sql('find-plan.sql'), [nationalId])).rows[0];
}

/** Stages the document's geometry parts; returns the parts PostGIS finds invalid or outside Sweden. */
export async function stageParts(db: Queryable, parts: GeometryPart[]): Promise<Array<{ key: string; part: number; reason: string }>> {
  await db.query(sql('stage-create.sql'));
  await db.query(sql('stage-insert.sql'), [JSON.stringify(parts)]);
  return (await db.query(sql('part-issues.sql'))).rows;
}

/** Unites each object's parts in 3006; returns the regulations outside the plan area (DP-0003). */
export async function uniteObjects(db: Queryable): Promise<Array<{ key: string; dim: number; outside_m2: number }>> {
  await db.query(sql('stage-unite.sql'));
  return (await db.query(sql('outside-plan.sql'))).rows;
}

/** Kvartersmark use regulation key → the key of the zone it belongs to (equal geometries share one). */
export async function zoneGroups(db: Queryable, useKeys: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query(sql('zone-groups.sql'), [useKeys]);
  return new Map(rows.map((r: { key: string; zone_key: string }) => [r.key, r.zone_key]));
}

/** Zones larger than the plans layer allows (geo/limits.ts), with their area in km². */
export async function zonesTooLarge(db: Queryable, zoneKeys: string[]): Promise<Array<{ key: string; km2: number }>> {
  return (await db.query(sql('zones-too-large.sql'), [zoneKeys, MAX_AREA_M2.plans])).rows;
}

export async function overlay(db: Queryable, zoneKeys: string[], rightKeys: string[]): Promise<OverlayRow[]> {
  if (!rightKeys.length) return [];
  const { rows } = await db.query(sql('overlay.sql'), [zoneKeys, rightKeys]);
  return rows.map((r) => ({ zoneKey: r.zone_key, regKey: r.reg_key, covers: r.covers, zoneShare: r.zone_share, regShare: r.reg_share }));
}

/** False when `planId` is taken by a plan that is not this national plan. */
export async function upsertNationalPlan(db: Queryable, planId: string, f: NationalPlanFields, source: string): Promise<boolean> {
  const { rows } = await db.query(sql('upsert-plan.sql'), [
    planId, f.nationalId, f.nationalVersion, f.versionValidFrom, f.name, f.designation, f.municipalityName, f.purpose,
    f.planType, f.status, f.statusChangedAt, f.diaryNumber, f.startedDate, f.adoptedDate, f.legalForceDate,
    f.implementationStartDate, f.implementationMonths, f.implementationEndDate,
    f.geometryMetadata === null ? null : JSON.stringify(f.geometryMetadata), source,
  ]);
  return rows.length > 0;
}

/** Drops the plan's regulations and the zones the new version does not keep; returns the dropped zone refs. */
export async function deleteStale(db: Queryable, planId: string, keep: string[]): Promise<string[]> {
  return (await db.query(sql('delete-stale.sql'), [planId, keep])).rows.map((r: { ref: string }) => r.ref);
}

/** Zone key of the file → ref of the zone drawn in Etablera it was exported from. */
export async function drawnZoneRefs(db: Queryable, planId: string, zoneKeys: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query(sql('drawn-zone-refs.sql'), [planId, zoneKeys]);
  return new Map(rows.map((r: { key: string; ref: string }) => [r.key, r.ref]));
}

/** False when the ref is a zone of another plan. */
export async function upsertNationalZone(db: Queryable, ref: string, key: string, planId: string, useCodes: string[], r: ZoneRights, source: string): Promise<boolean> {
  const { rows } = await db.query(sql('upsert-zone.sql'), [
    ref, planId, useCodes, r.maxGrossFloorAreaM2 ?? null, r.maxGrossFloorAreaPercent ?? null, r.maxBuildingAreaM2 ?? null,
    r.maxBuildingAreaPercent ?? null, r.maxHeightM ?? null, source, key,
  ]);
  return rows.length > 0;
}

export interface RegulationRow {
  nationalId: string;
  ord: number;
  kind: string;
  catalogueId: string;
  wording: string;
  originalWording: string | null;
  values: unknown[];
  regulates: string[] | null;
  motive: string | null;
  zoneRef: string | null;
  geometryMetadata: unknown;
}

export async function insertRegulation(db: Queryable, planId: string, r: RegulationRow): Promise<void> {
  await db.query(sql('insert-regulation.sql'), [
    r.nationalId, planId, r.ord, r.kind, r.catalogueId, r.wording, r.originalWording, JSON.stringify(r.values),
    r.regulates, r.motive, r.zoneRef, r.geometryMetadata == null ? null : JSON.stringify(r.geometryMetadata),
  ]);
}
