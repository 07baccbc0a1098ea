// The API's property rules, checked in the browser first so people see them at once: the
// rules themselves (date, use code, status pipeline) are the contract's, so the server, which
// checks again and has the last word, and this page cannot disagree.
import { FINAL_PLAN_STATUSES, isoDate, transitionProblem as contractTransition, useCode, type PlanStatus } from '@etablera/contract';
import type { TextKey } from './texts';
import { FIELDS, type LayerName } from './fields';

export interface Problem {
  key: TextKey;
  vars?: Record<string, string>;
}
export type Problems = Record<string, Problem>;

const today = () => new Date().toISOString().slice(0, 10);

const isDate = (s: string) => isoDate.safeParse(s).success;

/** Why a plan may not move between statuses: the contract's rule, in the page's words. */
export function transitionProblem(from: string, to: string): Problem | undefined {
  if (!contractTransition(from as PlanStatus, to as PlanStatus)) return undefined;
  if (FINAL_PLAN_STATUSES.includes(from as PlanStatus)) return { key: 'cancelledStays' };
  if (to === 'discontinued') return { key: 'inForceNotDiscontinued' };
  return { key: 'backwards', vars: { from, to } };
}

/**
 * Field → problem for `props` (as the form collected them: null for empty). `before` is the
 * stored record when editing (plan status moves are judged against it).
 */
export function validate(layer: LayerName, props: Record<string, unknown>, isNew: boolean, before?: Record<string, unknown>): Problems {
  const problems: Problems = {};
  for (const f of FIELDS[layer]) {
    if (f.createOnly && !isNew) continue;
    const v = props[f.name];
    const empty = v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (f.required) problems[f.name] = { key: 'required' };
      continue;
    }
    if (f.type === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v)) problems[f.name] = { key: 'notNumber' };
      else if (['floorAreaM2', 'maxGrossFloorAreaM2', 'maxHeightM'].includes(f.name) && v <= 0) problems[f.name] = { key: 'positive' };
      else if (v < 0) problems[f.name] = { key: 'nonNegative' };
    }
    if (f.type === 'date' && !isDate(String(v))) problems[f.name] = { key: 'badDate' };
    if (f.type === 'codes') {
      const ok = (v as string[]).every((c) => useCode.safeParse(c).success);
      if (!ok) problems[f.name] = { key: 'badCodes' };
    }
  }
  if (layer === 'plans') {
    if (props.status === 'in_force' && !props.legalForceDate && !problems.legalForceDate) problems.legalForceDate = { key: 'inForceNeedsDate' };
    if (typeof props.legalForceDate === 'string' && !problems.legalForceDate && props.legalForceDate > today()) {
      problems.legalForceDate = { key: 'futureDate' };
    }
    if (before && typeof before.status === 'string' && typeof props.status === 'string') {
      const p = transitionProblem(before.status, props.status);
      if (p) problems.status = p;
    }
  }
  if (layer === 'land') {
    if (props.reservationKind && !props.reservedUntil && !problems.reservedUntil) problems.reservedUntil = { key: 'reservationNeedsDate' };
    if (props.reservationKind && props.status !== 'reserved') {
      problems.status = { key: 'reservationNeedsStatus', vars: { kind: String(props.reservationKind) } };
    }
    if (!props.reservationKind && (props.reservedUntil || props.reservedFor)) problems.reservationKind = { key: 'reservationKindMissing' };
  }
  return problems;
}
