import type { Queryable } from '../db/pool';
import { parseWith } from '../http/validate';
import { checkAreaRefs } from '../areas/service';
import { insertRequest, selectRequest, selectRequests } from './repository';
import { saveRequestSchema, type SavedRequest, type SavedRequestSummary } from './schema';

export type { SavedRequest, SavedRequestSummary } from './schema';
export { requestsPerMonth, type RequestsRow } from './repository';

/**
 * Validates and stores an establishment request; its `criteria` is a /api/match body,
 * stored as validated (defaults applied). Returns the stored request.
 * Example: `await saveRequest(db, { companyName: 'Acme AB', criteria: { use: 'lab', minAreaM2: 800 } })`.
 */
export async function saveRequest(db: Queryable, body: unknown): Promise<SavedRequest> {
  const input = parseWith(saveRequestSchema, body);
  await checkAreaRefs(db, input.criteria.areas, 'criteria.areas');
  const id = await insertRequest(db, input);
  return (await selectRequest(db, id))!;
}

/** One saved request with contact fields, or undefined. Personal data: staff only. */
export async function getRequest(db: Queryable, id: number): Promise<SavedRequest | undefined> {
  return selectRequest(db, id);
}

/** The newest saved requests, without contact fields. */
export async function listRequests(db: Queryable, { limit = 100 }: { limit?: number } = {}): Promise<SavedRequestSummary[]> {
  return selectRequests(db, limit);
}
