import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { Srid } from '../geo/crs';
import type { LayerList } from '../layers/read-query';
import type { PlanZoneProperties, PlansQuery } from './schema';

export const listPlansSql = sqlFile(__dirname, 'list-plans.sql');

/** The plan zones list and its filters (GET /api/plans, reads by ref). */
export const plansList: LayerList<PlansQuery> = { listSql: listPlansSql, extraParams: (q) => [q.status ?? null, q.use ?? null, q.planId ?? null] };
const upsertPlanSql = sqlFile(__dirname, 'upsert-plan.sql');
const upsertZoneSql = sqlFile(__dirname, 'upsert-zone.sql');

/**
 * Inserts or updates a zone and, first, its plan (plan-level fields travel on every zone;
 * the plan row is only touched when they changed). True when the zone was inserted.
 */
export async function upsertPlanZone(db: Queryable, p: PlanZoneProperties, geometry: unknown, srid: Srid): Promise<boolean> {
  await db.query(upsertPlanSql, [
    p.planId, p.planName, p.status, p.legalForceDate ?? null, p.expectedLegalForceDate ?? null,
    p.implementationEndDate ?? null, p.statusChangedAt ?? null, p.illustrative, p.source ?? null,
  ]);
  const { rows } = await db.query(upsertZoneSql, [
    p.ref, p.planId, p.useCodes, p.maxGrossFloorAreaM2 ?? null, p.maxHeightM ?? null,
    p.illustrative, p.source ?? null, JSON.stringify(geometry), srid,
    p.maxGrossFloorAreaPercent ?? null, p.maxBuildingAreaM2 ?? null, p.maxBuildingAreaPercent ?? null,
  ]);
  return rows[0].inserted;
}
