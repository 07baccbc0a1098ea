import type { Request, Response } from 'express';
import { badRequest } from '../errors/app-error';
import { etagOf, preconditionFailed, requireIfMatch } from '../writes/preconditions';

// The project's one ETag/If-Match convention (writes/preconditions): ETag "<version>".

export function setEtag(res: Response, version: number): void {
  res.set('ETag', etagOf(version));
}

/** The version an update expects, from If-Match (428 when missing). */
export function ifMatchVersion(req: Request): number {
  const tag = requireIfMatch(req);
  const m = /^"(\d+)"$/.exec(tag) ?? /^(\d+)$/.exec(tag);
  if (!m) throw badRequest('invalid_if_match', `If-Match: '${tag}' is not a version ETag such as "3"`);
  return Number(m[1]);
}

/** 412 naming the current version, so the client can reload. */
export const versionConflict = (currentVersion: number) => preconditionFailed(etagOf(currentVersion));
