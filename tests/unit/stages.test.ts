// Plain unit tests of the case stage rules (no database).
import { AppError } from '../../api/src/errors/app-error';
import { assertEditable, checkReopen, checkTransition, type Stage } from '../../api/src/cases/stages';

/** The AppError a rule throws, as `status code`, or 'ok'. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return `${e.status} ${e.code}`;
  }
}

describe('checkTransition', () => {
  test.each<[Stage, Stage, string]>([
    ['first_contact', 'needs_analysis', 'ok'],
    ['decision', 'established', 'ok'],
    ['negotiation', 'first_contact', 'ok'],
    ['first_contact', 'site_visit', '400 note_required'],
    ['site_visit', 'established', '400 note_required'],
    ['first_contact', 'first_contact', '400 same_stage'],
    ['needs_analysis', 'follow_up', '400 invalid_transition'],
    ['established', 'follow_up', 'ok'],
    ['lost', 'follow_up', 'ok'],
    ['established', 'negotiation', '409 case_closed'],
    ['follow_up', 'decision', '409 case_closed'],
  ])('when a case moves from %s to %s without a note, then %s', (from, to, expected) => {
    expect(outcome(() => checkTransition({ from, to }))).toBe(expected);
  });

  test('when a skip carries a note, then it passes and is marked a skip', () => {
    expect(checkTransition({ from: 'first_contact', to: 'negotiation', note: 'came with a ready plan' })).toEqual({ skip: true });
    expect(checkTransition({ from: 'first_contact', to: 'needs_analysis' })).toEqual({ skip: false });
  });
  test('when the note is only spaces, then it does not count', () => {
    expect(outcome(() => checkTransition({ from: 'first_contact', to: 'decision', note: '   ' }))).toBe('400 note_required');
  });
  test('when a case is lost, then a reason is required, from any active stage', () => {
    expect(outcome(() => checkTransition({ from: 'site_visit', to: 'lost' }))).toBe('400 lost_reason_required');
    expect(checkTransition({ from: 'first_contact', to: 'lost', lostReason: 'price' })).toEqual({ skip: false });
  });
  test('when a lost reason is given for another stage, then 400', () => {
    expect(outcome(() => checkTransition({ from: 'first_contact', to: 'needs_analysis', lostReason: 'price' }))).toBe('400 invalid_request');
  });
});

describe('assertEditable and checkReopen', () => {
  test('when the case is established or lost, then edits are refused; open and follow-up cases take them', () => {
    expect(outcome(() => assertEditable('established'))).toBe('409 case_closed');
    expect(outcome(() => assertEditable('lost'))).toBe('409 case_closed');
    expect(outcome(() => assertEditable('follow_up'))).toBe('ok');
    expect(outcome(() => assertEditable('decision'))).toBe('ok');
  });
  test('when a closed case is reopened to an active stage with a note, then it may', () => {
    expect(outcome(() => checkReopen('lost', 'negotiation', 'they came back'))).toBe('ok');
    expect(outcome(() => checkReopen('follow_up', 'first_contact', 'new site wanted'))).toBe('ok');
  });
  test('when a reopen lacks a note, targets a closed stage, or the case is open, then it is refused', () => {
    expect(outcome(() => checkReopen('lost', 'negotiation', ' '))).toBe('400 note_required');
    expect(outcome(() => checkReopen('lost', 'established', 'x'))).toBe('400 invalid_transition');
    expect(outcome(() => checkReopen('decision', 'first_contact', 'x'))).toBe('409 case_open');
  });
});
