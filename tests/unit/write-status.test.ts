// Plain unit tests of the plan status moves (no database).
import { transitionProblem } from '../../api/src/plans/write-status';
import { PLAN_STATUSES, type PlanStatus } from '../../api/src/layers/enums';

describe('transitionProblem', () => {
  test.each<[PlanStatus, PlanStatus]>([
    ['programme', 'started'],
    ['started', 'consultation'],
    ['consultation', 'review'],
    ['review', 'adopted'],
    ['adopted', 'in_force'],
    ['adopted', 'appealed'],
    ['appealed', 'supervision'],
    ['supervision', 'in_force'],
    ['consultation', 'in_force'],
    ['programme', 'adopted'],
    ['review', 'discontinued'],
    ['in_force', 'cancelled'],
    ['consultation', 'cancelled'],
  ])('when a plan moves from %s to %s, then it may', (from, to) => {
    expect(transitionProblem(from, to)).toBeUndefined();
  });

  test.each<[PlanStatus, PlanStatus, string]>([
    ['review', 'consultation', 'cannot move back from review to consultation'],
    ['in_force', 'adopted', 'cannot move back from in_force to adopted'],
    ['supervision', 'appealed', 'cannot move back from supervision to appealed'],
    ['in_force', 'discontinued', 'a plan in force is repealed (cancelled), not discontinued'],
    ['cancelled', 'in_force', 'a cancelled plan cannot change status'],
    ['discontinued', 'review', 'a discontinued plan cannot change status'],
  ])('when a plan moves from %s to %s, then it is refused: %s', (from, to, problem) => {
    expect(transitionProblem(from, to)).toBe(problem);
  });

  test('when the status stays, then nothing is wrong, for every status', () => {
    for (const s of PLAN_STATUSES) expect(transitionProblem(s, s)).toBeUndefined();
  });
});
