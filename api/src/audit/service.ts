import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { AuthUser } from '../access/user';

const insertAuditSql = sqlFile(__dirname, 'insert-audit.sql');
const listAuditSql = sqlFile(__dirname, 'list-audit.sql');

// case: an establishment case and everything hanging off it (sites, checklist ticks, linked
// requests, pitch links), ref = case id, so ?entity=case&ref=<id> is the case's whole trail.
// checklist_item: the process bank (admin), ref = item id.
export { AUDIT_ENTITIES, type AuditEntity } from '../contract/enums';
import type { AuditEntity } from '../contract/enums';

/** Who made a change: a signed-in account, or `{ id: null }` / null for the public (intake, sign-up). */
export type AuditActor = Pick<AuthUser, 'id' | 'email'> | { id: number | null; email?: string | null };

export interface Change {
  entity: AuditEntity;
  ref: string;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * Appends one change to the audit log. Call it inside the same transaction as the change,
 * so a change is never without its record (nor a record without its change).
 */
export async function recordChange(db: Queryable, actor: AuditActor | null | undefined, c: Change): Promise<void> {
  await db.query(insertAuditSql, [
    actor?.id ?? null, actor?.email ?? null, c.entity, c.ref, c.action,
    c.before == null ? null : JSON.stringify(c.before), c.after == null ? null : JSON.stringify(c.after),
  ]);
}

export interface AuditFilter {
  entity?: AuditEntity;
  ref?: string;
  accountId?: number;
  beforeId?: number;
  limit: number;
}

export async function listChanges(db: Queryable, f: AuditFilter) {
  const { rows } = await db.query(listAuditSql, [f.entity ?? null, f.ref ?? null, f.accountId ?? null, f.beforeId ?? null, f.limit]);
  return rows;
}
