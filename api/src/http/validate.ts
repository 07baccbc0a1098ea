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

// csvEnum and isoDate are rules the client checks too: they live in the contract.
export { csvEnum, DATE_YEARS, isoDate } from '../contract/rules';
