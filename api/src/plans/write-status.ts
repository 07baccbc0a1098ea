import type { PlanStatus } from '../layers/enums';

/** The pipeline a plan moves along (cancelled = upphävd can end it at any point). */
const PIPELINE: PlanStatus[] = ['programme', 'consultation', 'review', 'adopted', 'in_force'];

/**
 * Why a plan may not move from `from` to `to`, or undefined when it may. Forward moves may
 * skip steps (a plan without programme, or the standard procedure's adoption straight after
 * review); backward moves are refused, and a cancelled plan stays cancelled.
 */
export function transitionProblem(from: PlanStatus, to: PlanStatus): string | undefined {
  if (from === to) return undefined;
  if (from === 'cancelled') return 'a cancelled plan cannot change status';
  if (to === 'cancelled') return undefined;
  if (PIPELINE.indexOf(to) < PIPELINE.indexOf(from)) return `cannot move back from ${from} to ${to}`;
  return undefined;
}
