import type { Request } from 'express';
import { AppError } from '../errors/app-error';

/** The ETag formula is the contract's (the client compares ETags too). */
export { etagOf } from '../contract/rules';

/**
 * The ETag a write is based on, from If-Match. Missing → 428: without it two editors could
 * overwrite each other unnoticed. `*` is refused for the same reason.
 */
export function requireIfMatch(req: Request): string {
  const header = req.get('if-match')?.trim();
  if (!header) {
    throw new AppError(428, 'precondition_required', 'If-Match is required: send the ETag you read, e.g. If-Match: "3"');
  }
  if (header === '*') throw new AppError(428, 'precondition_required', 'If-Match: * is not accepted; send the ETag you read');
  return header.replace(/^W\//, '');
}

/**
 * 412 with what the record is now, so the client can reload or compare.
 * Example body: `{ code, message, currentVersion: '"4"', current: Feature }`.
 */
export function preconditionFailed(currentEtag: string, current?: unknown): AppError {
  return new AppError(412, 'precondition_failed', 'Someone else changed this record since you read it: reload or compare', {
    currentVersion: currentEtag,
    ...(current === undefined ? {} : { current }),
  });
}
