import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { AppError } from '../errors/app-error';

// The one place that answers "do these area refs exist?": matching, requests, intake,
// readiness, the layer filters, land writes and the loader all ask here.
const existingRefsSql = sqlFile(__dirname, 'existing-refs.sql');
const profilesSql = sqlFile(__dirname, 'profiles.sql');

/** The refs among `refs` that name no area, each once, in the order given. */
export async function unknownAreaRefs(db: Queryable, refs: readonly string[]): Promise<string[]> {
  if (refs.length === 0) return [];
  const { rows } = await db.query(existingRefsSql, [refs]);
  const known = new Set(rows.map((row: { ref: string }) => row.ref));
  return [...new Set(refs.filter((ref) => !known.has(ref)))];
}

/**
 * 400 `unknown_area` naming the refs that do not exist, under `field`.
 * Example: `await checkAreaRefs(db, ['lanna', 'atlantis'], 'areas')` →
 * "areas: no area with ref 'atlantis'".
 */
export async function checkAreaRefs(db: Queryable, refs: readonly string[] | string | null | undefined, field: string): Promise<void> {
  const list = refs == null ? [] : typeof refs === 'string' ? [refs] : refs;
  const unknown = await unknownAreaRefs(db, list);
  if (unknown.length > 0) {
    throw new AppError(400, 'unknown_area', `${field}: no area with ref ${unknown.map((r) => `'${r}'`).join(', ')}`);
  }
}

/** An area's public marketing text, for the pitch. */
export interface AreaProfile {
  ref: string;
  name: string;
  profile: string | null;
  facts: Record<string, unknown> | null;
  illustrative: boolean;
}

/** The profiles of the areas named (unknown refs are left out), by ref. */
export async function areaProfiles(db: Queryable, refs: readonly string[]): Promise<AreaProfile[]> {
  return (await db.query(profilesSql, [refs])).rows;
}
