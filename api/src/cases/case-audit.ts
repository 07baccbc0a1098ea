import type { Queryable } from '../db/pool';
import { recordChange, type AuditActor } from '../audit/service';
import * as repo from './repository';

/**
 * The audit trail of cases (issue 5: every change, who, when, before and after), written
 * through the audit component in the caller's transaction, so a change and its entry are
 * committed or rolled back together.
 *
 * Everything that belongs to a case (sites, ticks, linked requests, pitch links, timeline
 * entries) is logged as entity `case` with ref = case id: `GET /api/audit?entity=case&ref=12`
 * is then the case's whole trail. Timeline notes are append-only rows of case_events: their
 * entry names the event (id, kind, time) rather than copying the text a second time.
 */
export type CaseAction =
  | 'create'
  | 'update'
  | 'stage_change'
  | 'reopen'
  | 'event_add'
  | 'request_link'
  | 'site_propose'
  | 'site_response'
  | 'checklist_tick'
  | 'checklist_untick'
  | 'pitch_link_create'
  | 'pitch_link_revoke';

export const recordCaseChange = (tx: Queryable, actor: AuditActor | null, caseId: number, action: CaseAction, before: unknown, after: unknown) =>
  recordChange(tx, actor, { entity: 'case', ref: String(caseId), action, before, after });

export const recordBankChange = (tx: Queryable, actor: AuditActor | null, itemId: number, action: 'create' | 'update', before: unknown, after: unknown) =>
  recordChange(tx, actor, { entity: 'checklist_item', ref: String(itemId), action, before, after });

/** The case row as the audit keeps it, with its linked saved requests. */
export async function caseSnapshot(tx: Queryable, id: number) {
  return { ...(await repo.getCase(tx, id))!, requestIds: await repo.listCaseRequestIds(tx, id) };
}

export async function siteSnapshot(tx: Queryable, caseId: number, siteId: number) {
  return (await repo.listSites(tx, caseId)).find((s) => s.id === siteId);
}

/** One checklist item of a case: ticked (when, by whom) or not. */
export async function tickSnapshot(tx: Queryable, caseId: number, itemId: number) {
  const row = (await repo.caseChecklist(tx, caseId)).find((i: { id: number }) => i.id === itemId);
  return row ? { itemId, done: row.done as boolean, doneAt: row.done ? row.doneAt : null, doneBy: row.done ? row.doneBy : null } : { itemId, done: false, doneAt: null, doneBy: null };
}
