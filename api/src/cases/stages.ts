import { AppError, badRequest } from '../errors/app-error';
import { ACTIVE_STAGES, LOST_REASONS, isActiveStage, isClosedStage, type Stage, type LostReason, type ActiveStage } from '../contract';

/**
 * The stages of an establishment case (docs/design.md, Cases and KPIs), in process order.
 *
 * Rules (domain only, no HTTP):
 * - Active stages are first_contact … decision. Moving forward one stage, or back to any
 *   earlier active stage, needs nothing. Moving forward past one or more stages is a skip
 *   and needs a note saying why (400 `note_required`).
 * - `lost` can be reached from any active stage (a company can drop out at any time) and
 *   needs a `lostReason`. `established` is the step after `decision`; from an earlier
 *   stage it is a skip and needs a note.
 * - Closed stages are `established` and `lost`: the outcome is decided and the case takes
 *   no edits (409 `case_closed`) except the move to `follow_up` or a reopen.
 * - `follow_up` (after-care) comes only after `established` or `lost`; the case is open
 *   again for notes, checklist and site responses, keeps its outcome, and has no next
 *   stage: only a reopen (with a note) brings it back to an active stage.
 */

// The stages and reasons are the contract's (the staff page labels every one of them).
export { STAGES, ACTIVE_STAGES, CLOSED_STAGES, LOST_REASONS, type Stage, type ActiveStage, type LostReason } from '../contract';
export const isActive = isActiveStage;
export const isClosed = isClosedStage;

/** Throws 409 when a closed case is about to be edited. */
export function assertEditable(stage: Stage): void {
  if (isClosed(stage))
    throw new AppError(409, 'case_closed', `The case is closed (${stage}); reopen it (POST /api/cases/:id/reopen) before editing`);
}

export interface TransitionInput {
  from: Stage;
  to: Stage;
  note?: string;
  lostReason?: LostReason;
}

/** Checks a stage change against the rules above; returns whether it skips stages. */
export function checkTransition({ from, to, note, lostReason }: TransitionInput): { skip: boolean } {
  if (from === to) throw badRequest('same_stage', `stage: the case is already in ${to}`);
  if (from === 'follow_up')
    throw new AppError(409, 'case_closed', 'follow_up is the last stage; reopen the case to move it back to an active stage');
  if (isClosed(from)) {
    if (to !== 'follow_up')
      throw new AppError(409, 'case_closed', `The case is closed (${from}); it can only move to follow_up, or be reopened`);
    return { skip: false };
  }
  if (to === 'follow_up') throw badRequest('invalid_transition', 'stage: follow_up comes after established or lost');
  if (to === 'lost') {
    if (!lostReason) throw badRequest('lost_reason_required', `lostReason: required when a case is lost (${LOST_REASONS.join(', ')})`);
    return { skip: false };
  }
  if (lostReason) throw badRequest('invalid_request', 'lostReason: only for stage lost');
  const fromIdx = ACTIVE_STAGES.indexOf(from as ActiveStage);
  const toIdx = to === 'established' ? ACTIVE_STAGES.length : ACTIVE_STAGES.indexOf(to as ActiveStage);
  const skip = toIdx > fromIdx + 1;
  if (skip && !note?.trim())
    throw badRequest('note_required', `note: moving from ${from} to ${to} skips a stage; say why in a note`);
  return { skip };
}

/** Reopen: only a decided or followed-up case, back to an active stage, with a note. */
export function checkReopen(from: Stage, to: Stage, note: string | undefined): void {
  if (isActive(from)) throw new AppError(409, 'case_open', `The case is open (${from}); change its stage instead`);
  if (!isActive(to)) throw badRequest('invalid_transition', `stage: a case reopens to an active stage (${ACTIVE_STAGES.join(', ')})`);
  if (!note?.trim()) throw badRequest('note_required', 'note: say why the case is reopened');
}
