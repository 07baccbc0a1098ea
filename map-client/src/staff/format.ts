// Dates as the staff pages show and send them.
export const fmtDate = (iso: string | null | undefined) => (iso ? new Date(iso).toISOString().slice(0, 10) : '–');
export const fmtDateTime = (iso: string | null | undefined) => (iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '–');

/** A date input's value (YYYY-MM-DD) as occurredAt: today means now, a past day means noon of it. */
export function occurredAtFrom(value: string): string | undefined {
  if (!value) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  return value >= today ? undefined : `${value}T12:00:00Z`;
}
