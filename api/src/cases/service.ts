import { landExists } from '../land/repository';
import { premisesExists } from '../premises/repository';
import type { Db, Queryable } from '../db/pool';
import type { CaseSource, EventKind, SiteKind } from '../contract/enums';
import { withTransaction } from '../db/transaction';
import { AppError, badRequest, notFound } from '../errors/app-error';
import { findAccount } from '../accounts/service';
import * as repo from './repository';
import { getRequest as getSavedRequest, type SavedRequest } from '../requests/service';
import { assertEditable, checkReopen, checkTransition, isActive, type Stage } from './stages';
import type { CreateCaseBody, PatchCaseBody, StageBody } from './schema';
import { versionConflict } from './etag';
import { caseSnapshot, recordBankChange, recordCaseChange, siteSnapshot, tickSnapshot } from './case-audit';

export type { CaseKpiRow, CaseRow, SiteRow } from './repository';
export { caseKpis } from './repository';
export { STAGES, ACTIVE_STAGES, LOST_REASONS, type Stage } from './stages';

/** Who does it: the signed-in account (id null for the public intake form); the audit copies the e-mail. */
export interface Actor {
  id: number | null;
  email?: string | null;
}

// A minute of slack for clocks of browser and server that disagree a little.
const FUTURE_SLACK_MS = 60_000;

/** `occurredAt` as a Date; now when absent; 400 when in the future. */
export function occurredAtOrNow(value: string | undefined, field = 'occurredAt'): Date {
  if (!value) return new Date();
  const at = new Date(value);
  if (at.getTime() > Date.now() + FUTURE_SLACK_MS)
    throw badRequest('occurred_in_future', `${field}: must not be in the future (past events may be back-registered)`);
  return at;
}

async function lockOrFail(db: Queryable, id: number) {
  const c = await repo.lockCase(db, id);
  if (!c) throw notFound(`No case ${id}`);
  return c;
}

async function assertOfficer(db: Queryable, officerId: number | null | undefined): Promise<void> {
  if (officerId == null) return;
  const a = await findAccount(db, officerId);
  if (!a || !['business', 'admin'].includes(a.role) || a.status !== 'active')
    throw badRequest('unknown_officer', `officerId: ${officerId} is not an active business or admin account`);
}

/** Stage changes are the backbone of the timeline: each must not precede the current stage's start. */
async function assertAfterCurrentStage(db: Queryable, caseId: number, at: Date): Promise<void> {
  const since = await repo.lastStageChange(db, caseId);
  if (since && at.getTime() < new Date(since).getTime())
    throw badRequest('occurred_before_stage', `occurredAt: is before the current stage began (${new Date(since).toISOString()})`);
}

/**
 * Opens a case in first_contact. With `requestIds`, links those saved requests and takes
 * company, contact, sector and jobs from the first one where the body leaves them out.
 */
export async function createCase(db: Db, body: CreateCaseBody, actor: Actor, source: CaseSource = 'staff'): Promise<number> {
  return withTransaction(db, (tx) => createCaseIn(tx, body, actor, source));
}

/** createCase inside the caller's transaction (the intake form saves request and case together). */
export async function createCaseIn(tx: Queryable, body: CreateCaseBody, actor: Actor, source: CaseSource): Promise<number> {
  const at = occurredAtOrNow(body.occurredAt);
  const requests: SavedRequest[] = [];
  for (const id of body.requestIds ?? []) {
    const r = await getSavedRequest(tx, id);
    if (!r) throw badRequest('unknown_request', `requestIds: no saved request ${id}`);
    requests.push(r);
  }
  await assertOfficer(tx, body.officerId);
  const first = requests[0];
  {
    const id = await repo.insertCase(tx, {
      companyName: body.companyName ?? first!.companyName,
      orgNumber: body.orgNumber ?? null,
      sector: body.sector ?? first?.sector ?? null,
      jobsExpected: body.jobsExpected ?? first?.jobsExpected ?? null,
      investmentMsek: body.investmentMsek ?? null,
      contactName: body.contactName ?? first?.contactName ?? null,
      contactEmail: body.contactEmail ?? first?.contactEmail ?? null,
      contactPhone: body.contactPhone ?? first?.contactPhone ?? null,
      summary: body.summary ?? first?.notes ?? null,
      officerId: body.officerId ?? null,
      source,
      createdBy: actor.id,
    });
    for (const r of requests) await repo.linkRequest(tx, id, r.id);
    const event = await repo.insertEvent(tx, id, { kind: 'stage_change', occurredAt: at, recordedBy: actor.id, toStage: 'first_contact', body: body.note ?? null });
    await recordCaseChange(tx, actor, id, 'create', null, { ...(await caseSnapshot(tx, id)), eventId: event.id });
    return id;
  }
}

/** The whole case for staff: fields, saved requests, timeline, sites and checklist. */
export async function getCaseDetail(db: Queryable, id: number) {
  const c = await repo.getCase(db, id);
  if (!c) throw notFound(`No case ${id}`);
  const requestIds = await repo.listCaseRequestIds(db, id);
  const requests: Array<Pick<SavedRequest, 'id' | 'companyName' | 'criteria' | 'createdAt'>> = [];
  for (const rid of requestIds) {
    const r = await getSavedRequest(db, rid);
    if (r) requests.push({ id: r.id, companyName: r.companyName, criteria: r.criteria, createdAt: r.createdAt });
  }
  return {
    ...c,
    closed: !isActive(c.stage) && c.stage !== 'follow_up',
    requests,
    events: await repo.listEvents(db, id),
    sites: await repo.listSites(db, id),
    checklist: await repo.caseChecklist(db, id),
  };
}

export const listCases = (db: Queryable, f: { stage?: string; officerId?: number; q?: string }) => repo.listCases(db, f);

/** The case's row, for other components (pitch); undefined when unknown. */
export const findCase = (db: Queryable, id: number) => repo.getCase(db, id);
/** The case's proposed sites, for other components (pitch). */
export const caseSites = (db: Queryable, id: number) => repo.listSites(db, id);
/** The use (office, lab, ...) of the case's first saved request that names one; null when none does. */
export async function caseUse(db: Queryable, id: number): Promise<string | null> {
  for (const rid of await repo.listCaseRequestIds(db, id)) {
    const use = (await getSavedRequest(db, rid))?.criteria?.use;
    if (typeof use === 'string') return use;
  }
  return null;
}
/** 409 when a closed case is about to be edited (for other components acting on a case). */
export const assertCaseEditable = (stage: Stage) => assertEditable(stage);

export async function updateCase(db: Db, id: number, version: number, patch: PatchCaseBody, actor: Actor): Promise<number> {
  await assertOfficer(db, patch.officerId);
  return withTransaction(db, async (tx) => {
    const locked = await lockOrFail(tx, id);
    if (locked.version !== version) throw versionConflict(locked.version);
    assertEditable(locked.stage);
    const current = (await repo.getCase(tx, id))!;
    const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as repo.CaseRow;
    const v = await repo.updateCase(tx, id, version, merged);
    if (v === undefined) throw versionConflict(locked.version);
    await recordCaseChange(tx, actor, id, 'update', current, await repo.getCase(tx, id));
    return v;
  });
}

/** Moves a case to another stage under the rules of stages.ts; records a stage_change event. */
export async function changeStage(db: Db, id: number, version: number, body: StageBody, actor: Actor): Promise<number> {
  const at = occurredAtOrNow(body.occurredAt);
  return withTransaction(db, async (tx) => {
    const locked = await lockOrFail(tx, id);
    if (locked.version !== version) throw versionConflict(locked.version);
    checkTransition({ from: locked.stage, to: body.stage, note: body.note ?? undefined, lostReason: body.lostReason });
    const closing = body.stage === 'established' || body.stage === 'lost' || body.stage === 'follow_up';
    if (body.satisfactionScore !== undefined && !closing)
      throw badRequest('invalid_request', 'satisfactionScore: asked at close (established, lost or follow_up)');
    await assertAfterCurrentStage(tx, id, at);
    const current = (await repo.getCase(tx, id))!;
    const next =
      body.stage === 'follow_up'
        ? { outcome: current.outcome, lostReason: current.lostReason, satisfactionScore: body.satisfactionScore ?? current.satisfactionScore, closedAt: current.closedAt }
        : body.stage === 'established' || body.stage === 'lost'
          ? { outcome: body.stage, lostReason: body.lostReason ?? null, satisfactionScore: body.satisfactionScore ?? null, closedAt: at }
          : { outcome: null, lostReason: null, satisfactionScore: null, closedAt: null };
    const v = await repo.updateStage(tx, id, version, { stage: body.stage, ...next });
    if (v === undefined) throw versionConflict(locked.version);
    const event = await repo.insertEvent(tx, id, {
      kind: 'stage_change', occurredAt: at, recordedBy: actor.id, fromStage: locked.stage, toStage: body.stage,
      body: body.note ?? null,
    });
    await recordCaseChange(tx, actor, id, 'stage_change', current, { ...(await repo.getCase(tx, id)), eventId: event.id });
    return v;
  });
}

/** Brings a decided or followed-up case back to an active stage; the note says why. */
export async function reopenCase(db: Db, id: number, version: number, body: { stage: Stage; note: string; occurredAt?: string }, actor: Actor): Promise<number> {
  const at = occurredAtOrNow(body.occurredAt);
  return withTransaction(db, async (tx) => {
    const locked = await lockOrFail(tx, id);
    if (locked.version !== version) throw versionConflict(locked.version);
    checkReopen(locked.stage, body.stage, body.note);
    await assertAfterCurrentStage(tx, id, at);
    const before = await repo.getCase(tx, id);
    const v = await repo.updateStage(tx, id, version, { stage: body.stage, outcome: null, lostReason: null, satisfactionScore: null, closedAt: null });
    if (v === undefined) throw versionConflict(locked.version);
    const event = await repo.insertEvent(tx, id, { kind: 'stage_change', occurredAt: at, recordedBy: actor.id, fromStage: locked.stage, toStage: body.stage, body: `Återöppnat / reopened: ${body.note}` });
    await recordCaseChange(tx, actor, id, 'reopen', before, { ...(await repo.getCase(tx, id)), eventId: event.id });
    return v;
  });
}

/** A note, call or meeting on the timeline. */
export async function addEvent(db: Db, id: number, body: { kind: EventKind; body: string; occurredAt?: string }, actor: Actor) {
  const at = occurredAtOrNow(body.occurredAt);
  return withTransaction(db, async (tx) => {
    assertEditable((await lockOrFail(tx, id)).stage);
    const event = await repo.insertEvent(tx, id, { kind: body.kind, occurredAt: at, recordedBy: actor.id, body: body.body });
    // The text stays in the append-only timeline; the entry points at it.
    await recordCaseChange(tx, actor, id, 'event_add', null, { eventId: event.id, kind: body.kind, occurredAt: event.occurredAt });
    return event;
  });
}

export async function linkRequest(db: Db, id: number, requestId: number, actor: Actor): Promise<void> {
  if (!(await getSavedRequest(db, requestId))) throw badRequest('unknown_request', `requestId: no saved request ${requestId}`);
  await withTransaction(db, async (tx) => {
    assertEditable((await lockOrFail(tx, id)).stage);
    const before = await repo.listCaseRequestIds(tx, id);
    // Linking an already linked request changes nothing, so it is not logged.
    if ((await repo.linkRequest(tx, id, requestId)).rowCount === 1)
      await recordCaseChange(tx, actor, id, 'request_link', { requestIds: before }, { requestIds: await repo.listCaseRequestIds(tx, id) });
  });
}

/** Proposes a land parcel or premises to the company; records a site_proposed event. */
export async function proposeSite(db: Db, id: number, body: { kind: SiteKind; ref: string; note?: string | null; occurredAt?: string }, actor: Actor) {
  const at = occurredAtOrNow(body.occurredAt);
  return withTransaction(db, async (tx) => {
    assertEditable((await lockOrFail(tx, id)).stage);
    if (!(await (body.kind === 'land' ? landExists : premisesExists)(tx, body.ref)))
      throw badRequest('unknown_site', `ref: no ${body.kind === 'land' ? 'land parcel' : 'premises'} '${body.ref}'`);
    const siteId = await repo.insertSite(tx, id, body.kind, body.ref, at);
    if (siteId === undefined) throw new AppError(409, 'site_already_proposed', `ref: ${body.kind} '${body.ref}' is already proposed in this case`);
    const event = await repo.insertEvent(tx, id, { kind: 'site_proposed', occurredAt: at, recordedBy: actor.id, siteKind: body.kind, siteRef: body.ref, body: body.note ?? null });
    await recordCaseChange(tx, actor, id, 'site_propose', null, { ...(await siteSnapshot(tx, id, siteId)), eventId: event.id });
    return siteId;
  });
}

/** The company's response to a proposed site; records a site_response event. */
export async function setSiteResponse(db: Db, id: number, siteId: number, body: { response: string; note?: string | null; occurredAt?: string }, actor: Actor) {
  const at = occurredAtOrNow(body.occurredAt);
  await withTransaction(db, async (tx) => {
    assertEditable((await lockOrFail(tx, id)).stage);
    const before = await siteSnapshot(tx, id, siteId);
    const site = await repo.updateSiteResponse(tx, id, siteId, body.response, at);
    if (!site) throw notFound(`Case ${id} has no proposed site ${siteId}`);
    const event = await repo.insertEvent(tx, id, {
      kind: 'site_response', occurredAt: at, recordedBy: actor.id, siteKind: site.kind, siteRef: site.ref,
      response: body.response, body: body.note ?? null,
    });
    await recordCaseChange(tx, actor, id, 'site_response', before, { ...(await siteSnapshot(tx, id, siteId)), eventId: event.id });
  });
}

export async function setChecklistItem(db: Db, id: number, itemId: number, done: boolean, actor: Actor): Promise<void> {
  await withTransaction(db, async (tx) => {
    assertEditable((await lockOrFail(tx, id)).stage);
    if (!(await repo.getBankItem(tx, itemId))) throw notFound(`No checklist item ${itemId}`);
    const before = await tickSnapshot(tx, id, itemId);
    const { rowCount } = done ? await repo.tickChecklist(tx, id, itemId, actor.id) : await repo.untickChecklist(tx, id, itemId);
    // Ticking a ticked item (or unticking an unticked one) changes nothing, so it is not logged.
    if (rowCount === 1)
      await recordCaseChange(tx, actor, id, done ? 'checklist_tick' : 'checklist_untick', before, await tickSnapshot(tx, id, itemId));
  });
}

export const listChecklistBank = (db: Queryable) => repo.listBank(db);
export const getChecklistBankItem = (db: Queryable, id: number) => repo.getBankItem(db, id);

export async function createChecklistBankItem(db: Db, i: { stage: Stage; position?: number; labelSv: string; labelEn: string; active?: boolean }, actor: Actor) {
  return withTransaction(db, async (tx) => {
    const id = await repo.insertBankItem(tx, { stage: i.stage, position: i.position ?? 0, labelSv: i.labelSv, labelEn: i.labelEn, active: i.active ?? true });
    await recordBankChange(tx, actor, id, 'create', null, await repo.getBankItem(tx, id));
    return id;
  });
}

export async function updateChecklistBankItem(db: Db, id: number, version: number, patch: Partial<repo.BankItem>, actor: Actor): Promise<number> {
  return withTransaction(db, async (tx) => {
    const current = await repo.getBankItem(tx, id);
    if (!current) throw notFound(`No checklist item ${id}`);
    if (current.version !== version) throw versionConflict(current.version);
    const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as repo.BankItem;
    // The version check in the update makes it safe against a concurrent edit without a lock.
    const v = await repo.updateBankItem(tx, id, version, merged);
    if (v === undefined) throw versionConflict(current.version);
    await recordBankChange(tx, actor, id, 'update', current, await repo.getBankItem(tx, id));
    return v;
  });
}
