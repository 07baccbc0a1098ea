/**
 * Rules the server enforces and the client checks live (editor, intake) — one copy each.
 * Pure functions and zod pieces only: no Node, no DOM.
 */
import { z } from 'zod';
import { ACTIVE_STAGES, CLOSED_STAGES, PLAN_STATUSES, USE_CODE_LETTERS, type ActiveStage, type PlanStatus, type Stage } from './enums';

/** The years a date of this domain can have; outside is a typing mistake (and year 0 does not exist in PostgreSQL). */
export const DATE_YEARS = { min: 1900, max: 2200 };

/** YYYY-MM-DD that is a real calendar date within DATE_YEARS. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date')
  .refine((s) => {
    const year = Number(s.slice(0, 4));
    return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
  }, `must be a year between ${DATE_YEARS.min} and ${DATE_YEARS.max}`);

/** `a,b,c` → ['a','b','c'], each checked against `values`. */
export const csvEnum = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string({ error: 'must be given once, as a comma-separated list' })
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: `must be one or more of ${values.join(', ')}` })).min(1))
    .meta({ description: `comma-separated, any of: ${values.join(', ')}` });

/** A Boverket use code: a kvartersmark letter, optionally numbered (J, Z, H1). */
export const USE_CODE_PATTERN = /^[A-Z][0-9]*$/;
export const isUseCodeLetter = (c: string) => (USE_CODE_LETTERS as readonly string[]).includes(c[0]);
export const useCode = z
  .string()
  .regex(USE_CODE_PATTERN, 'must be a Boverket use code such as J, Z or H1')
  .refine(isUseCodeLetter, { message: 'is not a Boverket kvartersmark use code' });

export const ORG_NUMBER_PATTERN = /^\d{6}-?\d{4}$/;
export const PHONE_PATTERN = /^[+0-9 ()-]{5,30}$/;
/** The account e-mail check (sign-in, sign-up); intake and requests use zod's z.email. */
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const PASSWORD_MIN = 10;

/**
 * Statuses that end a plan; no move leads out of them. `discontinued` (avslutad) ends a plan
 * before it is in force; `cancelled` (upphävd) repeals one in force, and older data holds it
 * for either, so it stays allowed from any open status.
 */
export const FINAL_PLAN_STATUSES: readonly PlanStatus[] = ['cancelled', 'discontinued'];
/** The pipeline a plan moves along: PLAN_STATUSES in their order, without the final ones. */
export const PLAN_PIPELINE: readonly PlanStatus[] = PLAN_STATUSES.filter((s) => !FINAL_PLAN_STATUSES.includes(s));

/**
 * Why a plan may not move from `from` to `to`, or undefined when it may. Forward moves may
 * skip steps (a plan without programme, or the standard procedure's adoption straight after
 * review); appealed (överklagad) and supervision (tillsyn) come after adopted and before in
 * force; backward moves are refused, and a final status stays.
 */
export function transitionProblem(from: PlanStatus, to: PlanStatus): string | undefined {
  if (from === to) return undefined;
  if (FINAL_PLAN_STATUSES.includes(from)) return `a ${from} plan cannot change status`;
  if (to === 'discontinued' && from === 'in_force') return 'a plan in force is repealed (cancelled), not discontinued';
  if (FINAL_PLAN_STATUSES.includes(to)) return undefined;
  if (PLAN_PIPELINE.indexOf(to) < PLAN_PIPELINE.indexOf(from)) return `cannot move back from ${from} to ${to}`;
  return undefined;
}

/** The ETag of a record version (or of several, e.g. a plan zone and its plan): `"3"`, `"3-2"`. */
export const etagOf = (...versions: number[]): string => `"${versions.join('-')}"`;

export const isActiveStage = (s: Stage): s is ActiveStage => (ACTIVE_STAGES as readonly string[]).includes(s);
export const isClosedStage = (s: Stage) => CLOSED_STAGES.includes(s);
