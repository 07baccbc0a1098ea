import type { Request } from 'express';
import type { Db } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { STAFF_ROLES } from '../access/user';

const ownerNamesSql = sqlFile(__dirname, 'owner-names.sql');

/**
 * The land list hides private owners' names (visible_owner_name, migration 0087; issue 13,
 * defect 11); this puts them back for active staff (the editor), and leaves every other
 * reader's features as they are. Example: `layerRouter(db, { ..., forReader: staffOwnerNames })`.
 */
export async function staffOwnerNames(db: Db, req: Request, featuresJson: string): Promise<string> {
  const u = req.user;
  if (!u || u.status !== 'active' || !STAFF_ROLES.includes(u.role)) return featuresJson;
  const features = JSON.parse(featuresJson) as Array<{ properties: Record<string, unknown> }>;
  const hidden = features.filter((f) => f.properties.ownerName == null).map((f) => f.properties.ref);
  if (hidden.length === 0) return featuresJson;
  const names = new Map((await db.query(ownerNamesSql, [hidden])).rows.map((r) => [r.ref, r.ownerName]));
  for (const f of features) if (names.has(f.properties.ref)) f.properties.ownerName = names.get(f.properties.ref);
  return JSON.stringify(features);
}

const hiddenOwnerSql = sqlFile(__dirname, 'hidden-owner-name.sql');

/**
 * A client that never saw a hidden owner name (the public-shaped /ogc land collection) sends
 * it back as null or not at all; that must not erase the stored name. Drops a null `ownerName`
 * from a write's properties when the stored name is one readers cannot see.
 */
export async function keepHiddenOwnerName(db: Db, ref: string, properties: Record<string, unknown>): Promise<void> {
  if (properties.ownerName != null) return;
  const { rows } = await db.query(hiddenOwnerSql, [ref]);
  if (rows[0]?.hidden) delete properties.ownerName;
}
