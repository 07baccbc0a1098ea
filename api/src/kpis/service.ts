import type { Queryable } from '../db/pool';
import { ACTIVE_STAGES, STAGES, caseKpis } from '../cases/service';
import { requestsPerMonth } from '../requests/service';
import { toCsv, type Cell } from '../csv/csv';
import type { Kpis } from '../contract/kpis';

// The answer's shape is the contract's (api/src/contract/kpis.ts).
export type { Kpis } from '../contract/kpis';

/** The business unit's key figures (docs/design.md, Cases and KPIs) for cases opened in [from, to]. */
export async function computeKpis(db: Queryable, from: string | null, to: string | null): Promise<Kpis> {
  const k = await caseKpis(db, from, to);
  return {
    from,
    to,
    ...k,
    openByStage: Object.fromEntries(ACTIVE_STAGES.map((s) => [s, k.openByStage[s] ?? 0])) as Kpis['openByStage'],
    medianDaysInStage: Object.fromEntries(STAGES.map((s) => [s, k.medianDaysInStage[s] ?? null])) as Kpis['medianDaysInStage'],
    requestsPerUseAndArea: await requestsPerMonth(db, from, to),
  };
}


/** The figures that are one value (a count, a median), not a breakdown. */
type ScalarKpi = { [K in keyof Kpis]: Kpis[K] extends Cell ? K : never }[keyof Kpis];

/** One row per figure: metric,key,month,use,areaRef,value (spreadsheet-friendly, long format). */
export function kpisCsv(k: Kpis): string {
  const rows: Cell[][] = [['metric', 'key', 'month', 'use', 'areaRef', 'value']];
  const scalar = (m: ScalarKpi) => rows.push([m, '', '', '', '', k[m]]);
  scalar('casesInPeriod');
  for (const [s, n] of Object.entries(k.openByStage)) rows.push(['openByStage', s, '', '', '', n]);
  scalar('medianDaysToFirstProposal');
  for (const [s, n] of Object.entries(k.medianDaysInStage)) rows.push(['medianDaysInStage', s, '', '', '', n]);
  scalar('won');
  scalar('lost');
  for (const [s, n] of Object.entries(k.lostReasons)) rows.push(['lostReasons', s, '', '', '', n]);
  scalar('jobsInOpenCases');
  scalar('jobsEstablished');
  scalar('investmentMsekInOpenCases');
  scalar('investmentMsekEstablished');
  scalar('satisfactionMean');
  scalar('satisfactionAnswers');
  scalar('proposalsPerCase');
  for (const r of k.requestsPerUseAndArea) rows.push(['requests', '', r.month, r.use, r.areaRef, r.requests]);
  return toCsv(rows, { lang: 'en', bom: false });
}
