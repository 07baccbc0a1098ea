// The one clock for "today". Etablera is Huddinge's: a date (a plan's status change, a
// listing's readiness, the pipeline's flags) is the date in Stockholm, not in UTC and not
// in the database server's zone. Matching, plans and readiness all ask here, so a request
// made at 00:30 in Stockholm sees the same "today" everywhere. No Node imports: the
// contract module and the browser may use it too.

export const TIME_ZONE = 'Europe/Stockholm';

// sv-SE writes dates as ISO 8601 (YYYY-MM-DD).
const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The Stockholm date of `now` as YYYY-MM-DD.
 * Example: `today(new Date('2026-11-30T23:30:00Z'))` → `'2026-12-01'`.
 */
export const today = (now: Date = new Date()): string => stockholmDate.format(now);
