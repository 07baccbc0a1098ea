import type { Db, Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { AppError } from '../errors/app-error';
import { parseWith } from '../http/validate';
import type { Srid } from '../geo/crs';
import type { AuthUser } from '../access/user';
import { recordChange } from '../audit/service';
import { readFeature, type Feature } from '../layers/read-query';
import { etagOf } from '../writes/preconditions';
import { checkGeometry, type FeatureInput } from '../writes/feature-input';
import { commitDelete, commitWrite, prepareUpdate, type FeatureStore } from '../writes/feature-write';
import { plansList } from './repository';
import { PLAN_LEVEL_FIELDS, planZoneProperties, type PlanZoneProperties } from './schema';
import { transitionProblem } from './write-status';
import { today } from '../clock/today';

const insertPlanSql = sqlFile(__dirname, 'write-insert-plan.sql');
const planRowSql = sqlFile(__dirname, 'write-plan-row.sql');
const insertZoneSql = sqlFile(__dirname, 'write-insert-zone.sql');
const updatePlanSql = sqlFile(__dirname, 'write-update-plan.sql');
const updateZoneSql = sqlFile(__dirname, 'write-update-zone.sql');

const KINDS = ['Polygon', 'MultiPolygon'] as const;
export const ZONE_READ_ONLY = ['id', 'version', 'planVersion', 'updatedAt', 'areaM2', 'useNames'] as const;
const CONTRACT = [
  'ref', 'planId', 'planName', 'status', 'useCodes', 'legalForceDate', 'expectedLegalForceDate', 'implementationEndDate',
  'maxGrossFloorAreaM2', 'maxGrossFloorAreaPercent', 'maxBuildingAreaM2', 'maxBuildingAreaPercent', 'maxHeightM',
  'statusChangedAt', 'illustrative', 'source',
] as const;
const ZONE_LEVEL = [
  'useCodes', 'maxGrossFloorAreaM2', 'maxGrossFloorAreaPercent', 'maxBuildingAreaM2', 'maxBuildingAreaPercent', 'maxHeightM',
  'illustrative', 'source',
] as const;

/** A zone's ETag covers its plan too: a status change of the plan changes every zone's. */
export const zoneEtag = (p: Record<string, unknown>): string => etagOf(Number(p.version), Number(p.planVersion));

export const readZone = (db: Queryable, ref: string, srid: Srid): Promise<Feature | undefined> => readFeature(db, plansList, ref, srid);

const store: FeatureStore = { layer: 'plans', noun: 'a plan zone', entity: 'plan_zone', read: readZone, etag: zoneEtag };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function checkStatusChangedAt(p: PlanZoneProperties): void {
  if (p.statusChangedAt && p.statusChangedAt > today()) {
    throw new AppError(400, 'invalid_properties', 'statusChangedAt: must not be in the future');
  }
}

const zoneParams = (p: PlanZoneProperties) => [
  p.useCodes, p.maxGrossFloorAreaM2 ?? null, p.maxHeightM ?? null, p.illustrative, p.source ?? null,
  p.maxGrossFloorAreaPercent ?? null, p.maxBuildingAreaM2 ?? null, p.maxBuildingAreaPercent ?? null,
];

/**
 * POST /api/plans: a new zone; its plan is created with it when new. A zone added to an
 * existing plan must agree with the plan's fields (change those with PATCH on a zone).
 */
export async function createZone(db: Db, user: AuthUser, input: FeatureInput, srid: Srid): Promise<Feature> {
  const props = parseWith(planZoneProperties, input.properties, 'invalid_properties');
  checkStatusChangedAt(props);
  await checkGeometry(db, input.geometry, KINDS, srid, 'plans');
  const write = async (c: Queryable): Promise<boolean> => {
    const plan = (await c.query(planRowSql, [props.planId])).rows[0];
    if (plan) {
      const differing = PLAN_LEVEL_FIELDS.filter((k) => k !== 'statusChangedAt' && !same(plan[k], props[k]));
      if (differing.length) {
        throw new AppError(409, 'plan_fields_differ', `${differing.join(', ')}: differ from plan ${props.planId}; change the plan with PATCH on one of its zones`);
      }
    } else {
      await c.query(insertPlanSql, [
        props.planId, props.planName, props.status, props.legalForceDate ?? null, props.expectedLegalForceDate ?? null,
        props.implementationEndDate ?? null, props.statusChangedAt ?? today(), props.illustrative, props.source ?? null,
      ]);
    }
    const { rows } = await c.query(insertZoneSql, [props.ref, props.planId, ...zoneParams(props), JSON.stringify(input.geometry), srid]);
    return rows.length > 0;
  };
  return commitWrite(db, user, store, { ref: props.ref, srid, before: null, write });
}

/**
 * PATCH /api/plans/:ref: zone fields change the zone; plan fields (name, status, dates)
 * change the plan and so every zone of it. Status moves follow the pipeline; entering a
 * new status stamps statusChangedAt (today unless a past date is given).
 */
export async function updateZone(db: Db, user: AuthUser, ref: string, ifMatch: string, input: FeatureInput, srid: Srid): Promise<Feature> {
  const { before, current } = await prepareUpdate(db, store, ref, ifMatch, input, srid, { identity: ['ref', 'planId'], contract: CONTRACT });
  const bp = before.properties;
  const merged = { ...current, ...input.properties };
  const statusChanges = merged.status !== bp.status;
  if (statusChanges && !('statusChangedAt' in input.properties)) merged.statusChangedAt = today();
  const props = parseWith(planZoneProperties, merged, 'invalid_properties');
  const problem = transitionProblem(bp.status as PlanZoneProperties['status'], props.status);
  if (problem) throw new AppError(400, 'invalid_status_transition', `status: ${problem}`);
  checkStatusChangedAt(props);
  if (input.geometry !== undefined) await checkGeometry(db, input.geometry, KINDS, srid, 'plans');

  const planChanged = PLAN_LEVEL_FIELDS.some((k) => !same(bp[k], props[k]));
  const zoneChanged = input.geometry !== undefined || ZONE_LEVEL.some((k) => !same(bp[k], props[k]));
  const write = async (c: Queryable): Promise<boolean> => {
    if (planChanged) {
      const { rows } = await c.query(updatePlanSql, [
        props.planId, bp.planVersion, props.planName, props.status, props.legalForceDate ?? null,
        props.expectedLegalForceDate ?? null, props.implementationEndDate ?? null, props.statusChangedAt ?? null,
      ]);
      if (!rows.length) return false;
    }
    if (zoneChanged) {
      const geometry = input.geometry === undefined ? null : JSON.stringify(input.geometry);
      const { rows } = await c.query(updateZoneSql, [ref, bp.version, ...zoneParams(props), geometry, srid]);
      if (!rows.length) return false;
    }
    return true;
  };
  // A plan change is the plan's record (it changes every zone); a zone change the zone's.
  const audit = async (c: Queryable, after: Feature | undefined) => {
    if (planChanged) {
      const planFields = (p: Record<string, unknown>) => Object.fromEntries(['planId', ...PLAN_LEVEL_FIELDS].map((k) => [k, p[k]]));
      await recordChange(c, user, {
        entity: 'plan', ref: props.planId, action: statusChanges ? 'status_change' : 'update', before: planFields(bp), after: planFields(after!.properties),
      });
    }
    if (zoneChanged) await recordChange(c, user, { entity: 'plan_zone', ref, action: 'update', before, after });
  };
  return commitWrite(db, user, store, { ref, srid, before, write, audit });
}

const deleteZoneSql = sqlFile(__dirname, 'write-delete-zone.sql');

/** DELETE (OGC API Features Part 4): removes a plan zone read at `ifMatch`; its plan stays; audited. */
export async function deleteZone(db: Db, user: AuthUser, ref: string, ifMatch: string): Promise<void> {
  await commitDelete(db, user, store, ref, ifMatch, async (c, before) =>
    (await c.query(deleteZoneSql, [ref, before.properties.version, before.properties.planVersion])).rows.length > 0);
}
