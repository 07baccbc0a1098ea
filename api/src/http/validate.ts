import type { Request } from 'express';
import { z, ZodError, type ZodType } from 'zod';
import { AppError } from '../errors/app-error';

/** One sentence naming each failing field, e.g. "minAreaM2: must be a number". */
export function zodMessage(err: ZodError): string {
  return err.issues
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : 'request';
      if (i.code === 'unrecognized_keys') return `unknown parameter(s) ${i.keys.map((k) => `'${k}'`).join(', ')}`;
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

/** Parses with a zod schema; a failure becomes a 400 naming the field. */
export function parseWith<T extends ZodType>(schema: T, value: unknown, code = 'invalid_request'): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError(400, code, zodMessage(r.error));
  return r.data;
}

/** Validates `req.query` (strict schemas reject unknown parameters). */
export function parseQuery<T extends ZodType>(schema: T, req: Request): z.output<T> {
  return parseWith(schema, req.query, 'invalid_parameter');
}

/** Validates `req.body`. */
export function parseBody<T extends ZodType>(schema: T, req: Request): z.output<T> {
  if (req.body === undefined) throw new AppError(400, 'invalid_request', 'A JSON body is required (Content-Type: application/json)');
  return parseWith(schema, req.body, 'invalid_request');
}

/** `a,b,c` → ['a','b','c'], each checked against `values`. */
export const csvEnum = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string({ error: 'must be given once, as a comma-separated list' })
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: `must be one or more of ${values.join(', ')}` })).min(1));

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
