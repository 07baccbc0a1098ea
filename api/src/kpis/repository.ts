import type { RequestsPerMonth } from '../contract/kpis';
import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';

export interface CaseKpiRow {
  casesInPeriod: number;
  /** Cases in each active stage (first_contact … decision). */
  openByStage: Record<string, number>;
  medianDaysToFirstProposal: number | null;
  /** Per stage, median days over completed stays (stages with none are absent). */
  medianDaysInStage: Record<string, number>;
  won: number;
  lost: number;
  lostReasons: Record<string, number>;
  jobsInOpenCases: number;
  jobsEstablished: number;
  /** Expected investment, million SEK, in open and in established cases. */
  investmentMsekInOpenCases: number;
  investmentMsekEstablished: number;
  satisfactionMean: number | null;
  satisfactionAnswers: number;
  proposalsPerCase: number | null;
}

/** One month of saved requests per use and area: the contract's row. */
export type RequestsRow = RequestsPerMonth;

export async function caseKpis(db: Queryable, from: string | null, to: string | null): Promise<CaseKpiRow> {
  return (await db.query(sqlFile(__dirname, 'case-kpis.sql'), [from, to])).rows[0];
}

export async function requestsOverTime(db: Queryable, from: string | null, to: string | null): Promise<RequestsRow[]> {
  return (await db.query(sqlFile(__dirname, 'requests-over-time.sql'), [from, to])).rows;
}
