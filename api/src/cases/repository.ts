import { sqlFile } from '../db/sql-file';
import type { CaseSource, Outcome, SiteKind, TimelineKind } from '../contract/enums';
import type { Queryable } from '../db/pool';
import type { Stage } from './stages';

// Data access only: plain objects out, no rules here.
const q = (name: string) => sqlFile(__dirname, name);

export interface CaseRow {
  id: number;
  companyName: string;
  orgNumber: string | null;
  sector: string | null;
  jobsExpected: number | null;
  investmentMsek: number | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  summary: string | null;
  stage: Stage;
  outcome: Outcome | null;
  lostReason: string | null;
  satisfactionScore: number | null;
  officerId: number | null;
  source: CaseSource;
  closedAt: Date | null;
  createdBy: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  openedAt: Date | null;
}

export interface NewEvent {
  kind: TimelineKind;
  occurredAt?: string | Date | null;
  recordedBy: number | null;
  body?: string | null;
  fromStage?: Stage | null;
  toStage?: Stage | null;
  siteKind?: SiteKind | null;
  siteRef?: string | null;
  response?: string | null;
}

export async function insertCase(
  db: Queryable,
  c: Pick<CaseRow, 'companyName' | 'orgNumber' | 'sector' | 'jobsExpected' | 'investmentMsek' | 'contactName' | 'contactEmail' | 'contactPhone' | 'summary' | 'officerId' | 'source' | 'createdBy'>,
): Promise<number> {
  const { rows } = await db.query(q('insert-case.sql'), [
    c.companyName, c.orgNumber, c.sector, c.jobsExpected, c.contactName, c.contactEmail, c.contactPhone,
    c.summary, c.officerId, c.source, c.createdBy, c.investmentMsek,
  ]);
  return rows[0].id;
}

export async function getCase(db: Queryable, id: number): Promise<CaseRow | undefined> {
  return (await db.query(q('get-case.sql'), [id])).rows[0];
}

export async function lockCase(db: Queryable, id: number): Promise<{ stage: Stage; version: number } | undefined> {
  return (await db.query(q('lock-case.sql'), [id])).rows[0];
}

export async function listCases(db: Queryable, f: { stage?: string; officerId?: number; q?: string }) {
  return (await db.query(q('list-cases.sql'), [f.stage ?? null, f.officerId ?? null, f.q || null])).rows;
}

/** Returns the new version, or undefined when `version` is no longer current. */
export async function updateCase(db: Queryable, id: number, version: number, c: CaseRow): Promise<number | undefined> {
  const { rows } = await db.query(q('update-case.sql'), [
    id, version, c.companyName, c.orgNumber, c.sector, c.jobsExpected, c.contactName, c.contactEmail,
    c.contactPhone, c.summary, c.officerId, c.investmentMsek,
  ]);
  return rows[0]?.version;
}

export async function updateStage(
  db: Queryable,
  id: number,
  version: number,
  s: { stage: Stage; outcome: string | null; lostReason: string | null; satisfactionScore: number | null; closedAt: Date | string | null },
): Promise<number | undefined> {
  const { rows } = await db.query(q('update-stage.sql'), [id, version, s.stage, s.outcome, s.lostReason, s.satisfactionScore, s.closedAt]);
  return rows[0]?.version;
}

export async function insertEvent(db: Queryable, caseId: number, e: NewEvent): Promise<{ id: number; occurredAt: Date }> {
  const { rows } = await db.query(q('insert-event.sql'), [
    caseId, e.kind, e.occurredAt ?? null, e.recordedBy, e.body ?? null, e.fromStage ?? null, e.toStage ?? null,
    e.siteKind ?? null, e.siteRef ?? null, e.response ?? null,
  ]);
  return rows[0];
}

export const listEvents = async (db: Queryable, caseId: number) => (await db.query(q('list-events.sql'), [caseId])).rows;

export async function lastStageChange(db: Queryable, caseId: number): Promise<Date | null> {
  return (await db.query(q('last-stage-change.sql'), [caseId])).rows[0].occurredAt;
}

export const linkRequest = (db: Queryable, caseId: number, requestId: number) => db.query(q('link-request.sql'), [caseId, requestId]);

export async function listCaseRequestIds(db: Queryable, caseId: number): Promise<number[]> {
  return (await db.query(q('list-case-requests.sql'), [caseId])).rows.map((r) => r.requestId);
}

/** Returns the new site id, or undefined when the case already has that site. */
export async function insertSite(db: Queryable, caseId: number, kind: string, ref: string, proposedAt: Date): Promise<number | undefined> {
  return (await db.query(q('insert-site.sql'), [caseId, kind, ref, proposedAt])).rows[0]?.id;
}

export interface SiteRow {
  id: number;
  kind: SiteKind;
  ref: string;
  response: string;
  proposedAt: Date;
  respondedAt: Date | null;
  version: number;
  name: string | null;
  areaRef: string | null;
}
export const listSites = async (db: Queryable, caseId: number): Promise<SiteRow[]> => (await db.query(q('list-sites.sql'), [caseId])).rows;


export async function updateSiteResponse(db: Queryable, caseId: number, siteId: number, response: string, at: Date) {
  return (await db.query(q('update-site-response.sql'), [caseId, siteId, response, at])).rows[0] as { kind: SiteKind; ref: string } | undefined;
}

export const caseChecklist = async (db: Queryable, caseId: number) => (await db.query(q('case-checklist.sql'), [caseId])).rows;
export const tickChecklist = (db: Queryable, caseId: number, itemId: number, by: number | null) => db.query(q('tick-checklist.sql'), [caseId, itemId, by]);
export const untickChecklist = (db: Queryable, caseId: number, itemId: number) => db.query(q('untick-checklist.sql'), [caseId, itemId]);

export interface BankItem {
  id: number;
  stage: Stage;
  position: number;
  labelSv: string;
  labelEn: string;
  active: boolean;
  version: number;
}
export const listBank = async (db: Queryable): Promise<BankItem[]> => (await db.query(q('list-bank.sql'))).rows;
export const getBankItem = async (db: Queryable, id: number): Promise<BankItem | undefined> => (await db.query(q('get-bank-item.sql'), [id])).rows[0];
export async function insertBankItem(db: Queryable, i: Omit<BankItem, 'id' | 'version'>): Promise<number> {
  return (await db.query(q('insert-bank-item.sql'), [i.stage, i.position, i.labelSv, i.labelEn, i.active])).rows[0].id;
}
export async function updateBankItem(db: Queryable, id: number, version: number, i: BankItem): Promise<number | undefined> {
  return (await db.query(q('update-bank-item.sql'), [id, version, i.stage, i.position, i.labelSv, i.labelEn, i.active])).rows[0]?.version;
}

/** The case figures of GET /api/kpis (cases opened in [from, to], Stockholm dates). */
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

export async function caseKpis(db: Queryable, from: string | null, to: string | null): Promise<CaseKpiRow> {
  return (await db.query(q('kpis.sql'), [from, to])).rows[0];
}
