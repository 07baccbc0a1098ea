import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { unmetDemand, type UnmetDemand } from './unmet-demand';

const revisionSql = sqlFile(__dirname, 'unmet-demand-revision.sql');

/** Answers kept per revision: one per (area, use) asked; far more than the few combinations used. */
const MAX_ENTRIES = 64;

/**
 * GET /api/readiness/unmet-demand re-ran a match per saved request on every call (7–8 s with
 * 31 requests; issue 13, defect 5). The answer only changes when a layer, a saved request,
 * the use table or the date does, so it is kept per that revision: a call costs one small
 * read of the revisions, and concurrent calls for the same answer share one computation.
 * Example: `const cached = unmetDemandCache(); await cached(db, { use: 'lab' }, 90)`.
 */
export function unmetDemandCache() {
  const entries = new Map<string, Promise<UnmetDemand>>();
  let current = '';
  return async (db: Queryable, q: Parameters<typeof unmetDemand>[1], staleAfterDays: number): Promise<UnmetDemand> => {
    const revision: string = (await db.query(revisionSql)).rows[0].revision;
    if (revision !== current) {
      entries.clear(); // older revisions are never asked for again
      current = revision;
    }
    const key = `${q.area ?? ''}|${q.use ?? ''}`;
    let answer = entries.get(key);
    if (!answer) {
      answer = unmetDemand(db, q, staleAfterDays);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(key, answer);
      // A failure (a 400 for an unknown area, a database fault) is not kept.
      answer.catch(() => entries.get(key) === answer && entries.delete(key));
    }
    return answer;
  };
}
