import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { recordChange, type AuditActor } from '../audit/service';

const exportSql = sqlFile(__dirname, 'export-person.sql');
const eraseSql = sqlFile(__dirname, 'erase-person.sql');
const lastAdminSql = sqlFile(__dirname, 'is-last-admin.sql');
const retentionSql = sqlFile(__dirname, 'retention.sql');

/** Keys of audit records (before/after) that hold a person's details. */
export const PERSONAL_KEYS = ['email', 'name', 'phone', 'organisation', 'contactName', 'contactEmail', 'contactPhone'];

/** The retention periods (config.ts: RETENTION_*), in months. */
export interface RetentionRule {
  closedCaseMonths: number;
  requestMonths: number;
  intakeContactMonths: number;
}

/**
 * The audit log names a person by a hash of the e-mail, never the e-mail itself (an erasure
 * must not leave it behind in its own record); whoever knows the e-mail can find the entry.
 */
export const personRef = (email: string) => `sha256:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;

const normalise = (email: string) => email.trim().toLowerCase();
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Everything kept about the person with this e-mail (GDPR art. 15), and an audit entry saying it was exported. */
export async function exportPerson(db: Db, email: string, actor: AuditActor | null): Promise<Record<string, unknown>> {
  const e = normalise(email);
  return withTransaction(db, async (c) => {
    const data = (await c.query(exportSql, [e])).rows[0].data as Record<string, unknown>;
    await recordChange(c, actor, { entity: 'person', ref: personRef(e), action: 'gdpr_export', before: null, after: null });
    return { email: e, exportedAt: new Date().toISOString(), ...data };
  });
}

/**
 * Erases the person with this e-mail (GDPR art. 17) in one transaction: see erase-person.sql
 * for what goes and what stays; 409 `last_admin` for the only active admin. The audit entry
 * holds the counts, not the e-mail.
 */
export async function erasePerson(db: Db, email: string, actor: AuditActor | null): Promise<Record<string, number>> {
  const e = normalise(email);
  return withTransaction(db, async (c) => {
    if ((await c.query(lastAdminSql, [e])).rows[0].last) {
      throw new AppError(409, 'last_admin', 'This is the last active admin: create another admin first');
    }
    const counts = (await c.query(eraseSql, [e, escapeRegex(e), PERSONAL_KEYS])).rows[0] as Record<string, number>;
    await recordChange(c, actor, { entity: 'person', ref: personRef(e), action: 'gdpr_erase', before: null, after: counts });
    return counts;
  });
}

/** Applies the retention rule now; returns what it blanked or deleted, and audits the run. */
export async function applyRetention(db: Db, rule: RetentionRule, actor: AuditActor | null = null): Promise<Record<string, number>> {
  return withTransaction(db, async (c: Queryable) => {
    const counts = (await c.query(retentionSql, [rule.closedCaseMonths, rule.requestMonths, rule.intakeContactMonths, PERSONAL_KEYS])).rows[0];
    await recordChange(c, actor, { entity: 'person', ref: 'retention', action: 'gdpr_retention', before: null, after: { rule, ...counts } });
    return counts;
  });
}
