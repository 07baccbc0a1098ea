import type { Db, Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors/app-error';
import { parseWith } from '../http/validate';
import { WGS84, type Srid } from '../geo/crs';
import type { AuthUser } from '../auth/middleware';
import { recordChange } from '../audit/service';
import { etagOf, preconditionFailed } from '../audit/preconditions';
import { checkGeometry, keepIdentity, type Feature, type FeatureInput } from '../audit/feature-input';
import { listPlansSql } from './repository';
import { PLAN_LEVEL_FIELDS, planZoneProperties, type PlanZoneProperties } from './schema';
import { transitionProblem } from './write-status';

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

const today = () => new Date().toISOString().slice(0, 10);

/** A zone's ETag covers its plan too: a status change of the plan changes every zone's. */
export const zoneEtag = (p: Record<string, unknown>): string => etagOf(Number(p.version), Number(p.planVersion));

export async function readZone(db: Queryable, ref: string, srid: Srid): Promise<Feature | undefined> {
  const { rows } = await db.query(listPlansSql, [srid, null, null, null, null, null, ref, null, null, null]);
  return (JSON.parse(rows[0].features) as Feature[])[0];
}

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
  return withTransaction(db, async (c) => {
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
    if (!rows.length) throw new AppError(409, 'ref_taken', `ref: a plan zone '${props.ref}' exists already`);
    await recordChange(c, user, { entity: 'plan_zone', ref: props.ref, action: 'create', before: null, after: await readZone(c, props.ref, WGS84) });
    return (await readZone(c, props.ref, srid))!;
  });
}

/**
 * PATCH /api/plans/:ref: zone fields change the zone; plan fields (name, status, dates)
 * change the plan and so every zone of it. Status moves follow the pipeline; entering a
 * new status stamps statusChangedAt (today unless a past date is given).
 */
export async function updateZone(db: Db, user: AuthUser, ref: string, ifMatch: string, input: FeatureInput, srid: Srid): Promise<Feature> {
  const before = await readZone(db, ref, WGS84);
  if (!before) throw notFound(`No plans feature with ref '${ref}'`);
  const bp = before.properties;
  if (ifMatch !== zoneEtag(bp)) throw preconditionFailed(zoneEtag(bp), await readZone(db, ref, srid));
  keepIdentity(bp, input.properties, ['ref', 'planId']);
  const current: Record<string, unknown> = Object.fromEntries(CONTRACT.map((k) => [k, bp[k]]));
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
  return withTransaction(db, async (c) => {
    const conflict = async () => {
      const now = await readZone(c, ref, srid);
      return preconditionFailed(now ? zoneEtag(now.properties) : '""', now);
    };
    if (planChanged) {
      const { rows } = await c.query(updatePlanSql, [
        props.planId, bp.planVersion, props.planName, props.status, props.legalForceDate ?? null,
        props.expectedLegalForceDate ?? null, props.implementationEndDate ?? null, props.statusChangedAt ?? null,
      ]);
      if (!rows.length) throw await conflict();
    }
    if (zoneChanged) {
      const geometry = input.geometry === undefined ? null : JSON.stringify(input.geometry);
      const { rows } = await c.query(updateZoneSql, [ref, bp.version, ...zoneParams(props), geometry, srid]);
      if (!rows.length) throw await conflict();
    }
    const after = await readZone(c, ref, WGS84);
    if (planChanged) {
      const planFields = (p: Record<string, unknown>) => Object.fromEntries(['planId', ...PLAN_LEVEL_FIELDS].map((k) => [k, p[k]]));
      await recordChange(c, user, {
        entity: 'plan', ref: props.planId, action: statusChanges ? 'status_change' : 'update', before: planFields(bp), after: planFields(after!.properties),
      });
    }
    if (zoneChanged) await recordChange(c, user, { entity: 'plan_zone', ref, action: 'update', before, after });
    return (await readZone(c, ref, srid))!;
  });
}

const deleteZoneSql = sqlFile(__dirname, 'write-delete-zone.sql');

/** DELETE (OGC API Features Part 4): removes a plan zone read at `ifMatch`; its plan stays; audited. */
export async function deleteZone(db: Db, user: AuthUser, ref: string, ifMatch: string): Promise<void> {
  const before = await readZone(db, ref, WGS84);
  if (!before) throw notFound(`No plans feature with ref '${ref}'`);
  if (ifMatch !== zoneEtag(before.properties)) throw preconditionFailed(zoneEtag(before.properties), before);
  await withTransaction(db, async (c) => {
    const { rows } = await c.query(deleteZoneSql, [ref, before.properties.version, before.properties.planVersion]);
    if (!rows.length) {
      const now = await readZone(c, ref, WGS84);
      throw preconditionFailed(now ? zoneEtag(now.properties) : '""', now);
    }
    await recordChange(c, user, { entity: 'plan_zone', ref, action: 'delete', before, after: null });
  });
}
