import type { PlanStatus } from '../layers/enums';

/**
 * The pipeline a plan moves along (DESIGN.md, plan statuses): appealed (överklagad) and
 * supervision (tillsyn) come after adopted and before in force.
 */
const PIPELINE: PlanStatus[] = ['programme', 'started', 'consultation', 'review', 'adopted', 'appealed', 'supervision', 'in_force'];

/**
 * Why a plan may not move from `from` to `to`, or undefined when it may. Forward moves may
 * skip steps (a plan without programme, or the standard procedure's adoption straight after
 * review); backward moves are refused. `discontinued` (avslutad) ends a plan before it is in
 * force; `cancelled` (upphävd) repeals one in force, and older data holds it for either, so
 * it stays allowed from any open status. Both end the plan.
 */
export function transitionProblem(from: PlanStatus, to: PlanStatus): string | undefined {
  if (from === to) return undefined;
  if (from === 'cancelled') return 'a cancelled plan cannot change status';
  if (from === 'discontinued') return 'a discontinued plan cannot change status';
  if (to === 'cancelled') return undefined;
  if (to === 'discontinued') {
    return from === 'in_force' ? 'a plan in force is repealed (cancelled), not discontinued' : undefined;
  }
  if (PIPELINE.indexOf(to) < PIPELINE.indexOf(from)) return `cannot move back from ${from} to ${to}`;
  return undefined;
}
