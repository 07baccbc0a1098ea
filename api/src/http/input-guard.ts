import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error';

/** Deeper than any body of this API (a MultiPolygon Feature is 6 levels); JSON nests cheaply, walking it does not. */
export const MAX_BODY_DEPTH = 32;

const NUL = /\0|%00/i;

/**
 * Where a JSON value breaks the rules every input shares: a NUL character (PostgreSQL's text
 * cannot hold one, so it would surface as a 500) in any key or string, or nesting deeper than
 * `maxDepth`. Iterative with an explicit stack, so coordinates nested 10 000 deep cost a loop,
 * not the call stack. Returns the path of the first fault and what it is, or undefined.
 */
export function bodyProblem(value: unknown, maxDepth = MAX_BODY_DEPTH): string | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: 'body', depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\0')) return `${path}: must not contain a NUL character`;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return `${path}: nested deeper than ${maxDepth} levels`;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]`, depth: depth + 1 });
    } else {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\0')) return `${path}: a key must not contain a NUL character`;
        stack.push({ v: x, path: `${path}.${k}`, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * Rejects, before any route sees it, what no endpoint can take: a NUL in the path (raw or
 * percent-encoded), in a query parameter or in the JSON body, and bodies nested too deep.
 * 400 `invalid_request` naming where.
 */
export const inputGuard: RequestHandler = (req, _res, next) => {
  const q = req.originalUrl.indexOf('?');
  const rawPath = q < 0 ? req.originalUrl : req.originalUrl.slice(0, q);
  if (NUL.test(rawPath)) return next(new AppError(400, 'invalid_request', 'path: must not contain a NUL character'));
  if (q >= 0 && NUL.test(req.originalUrl.slice(q))) {
    return next(new AppError(400, 'invalid_parameter', 'query: must not contain a NUL character'));
  }
  const problem = req.body === undefined ? undefined : bodyProblem(req.body);
  if (problem) return next(new AppError(400, 'invalid_request', problem));
  next();
};
