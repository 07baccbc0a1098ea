// The one clock: "today" is the date in Stockholm, whatever the server's zone.
import { today } from '../../api/src/clock/today';

describe('today', () => {
  test.each([
    ['2026-11-30T22:59:59Z', '2026-11-30'], // 23:59:59 in Stockholm (CET, UTC+1)
    ['2026-11-30T23:00:00Z', '2026-12-01'], // midnight in Stockholm, still the 30th in UTC
    ['2026-06-30T21:59:59Z', '2026-06-30'], // 23:59:59 in summer (CEST, UTC+2)
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-01-01T00:30:00Z', '2026-01-01'],
  ])('when it is %s, then today is %s', (instant, date) => {
    expect(today(new Date(instant))).toBe(date);
  });
});
