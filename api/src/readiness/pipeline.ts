import type { Queryable } from '../db/pool';
import { checkAreaRefs } from '../areas/service';
import { today } from '../clock/today';
import { PLAN_STATUSES, type PlanStatus } from '../contract/enums';
import type { PipelineResponse as Pipeline } from '../contract/readiness';
import * as repo from './repository';

/** Genomförandetid ending within this many years counts as "ending soon" (issue 7). */
export const IMPLEMENTATION_WINDOW_YEARS = 2;

// The answer's shape is the contract's (api/src/contract/readiness.ts).
export type { PipelinePlan, PipelineResponse as Pipeline } from '../contract/readiness';

const yearOf = (p: repo.PlanRow) =>
  (p.status === 'in_force' ? p.legalForceDate : p.expectedLegalForceDate)?.slice(0, 4) ?? 'unknown';

/**
 * The plan pipeline: every plan with its dates and year, counts by status and by
 * year × status, plans whose implementation period ends within two years, plans stuck.
 * Example: `await pipeline(db, { area: 'lanna' }, 365)`.
 */
export async function pipeline(db: Queryable, q: { area?: string; status?: string }, stuckAfterDays: number): Promise<Pipeline> {
  await checkAreaRefs(db, q.area, 'area');
  const day = today();
  const all = await repo.listPipeline(db, q.area ?? null, IMPLEMENTATION_WINDOW_YEARS, stuckAfterDays, day);
  const plans = all.filter((p) => !q.status || p.status === q.status).map((p) => ({ ...p, year: yearOf(p) }));
  const byStatus = Object.fromEntries(PLAN_STATUSES.map((s) => [s, plans.filter((p) => p.status === s).length])) as Record<PlanStatus, number>;
  const cells = new Map<string, Pipeline['byYear'][number]>();
  for (const p of plans) {
    const k = `${p.year}|${p.status}`;
    const c = cells.get(k) ?? { year: p.year, status: p.status, plans: 0, zoneHa: 0 };
    c.plans += 1;
    c.zoneHa = Math.round((c.zoneHa + (p.zoneHa ?? 0)) * 10000) / 10000;
    cells.set(k, c);
  }
  const byYear = [...cells.values()].sort(
    (a, b) =>
      (a.year === 'unknown' ? 1 : 0) - (b.year === 'unknown' ? 1 : 0) ||
      a.year.localeCompare(b.year) ||
      PLAN_STATUSES.indexOf(a.status) - PLAN_STATUSES.indexOf(b.status),
  );
  return {
    today: day,
    stuckAfterDays,
    implementationWindowYears: IMPLEMENTATION_WINDOW_YEARS,
    plans,
    byStatus,
    byYear,
    implementationEndingSoon: plans.filter((p) => p.implementationEndsSoon),
    stuck: plans.filter((p) => p.stuck),
    illustrative: plans.some((p) => p.illustrative),
  };
}
