import type { Queryable } from '../db/pool';
import type { AuthUser } from '../access/user';
import { sqlFile } from '../db/sql-file';

const staffIdsSql = sqlFile(__dirname, 'staff-account-ids.sql');

/** Personal fields of an account record as the audit log keeps it (before/after). */
const ACCOUNT_PERSONAL = ['email', 'phone'];

interface Entry {
  accountId: number | null;
  accountEmail: string | null;
  entity: string;
  ref: string;
  before: unknown;
  after: unknown;
}

const strip = (v: unknown): unknown => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const out = { ...(v as Record<string, unknown>) };
  for (const k of ACCOUNT_PERSONAL) if (k in out) out[k] = null;
  return out;
};

/**
 * The audit log as a reader may see it (issue 13, defect 11): the admin sees everything; the
 * business unit manages owners, so it sees owners' e-mails, its own, and no other staff
 * member's (who did it stays visible as the account id). Example: `await forReader(db, user, rows)`.
 */
export async function forReader<T extends Entry>(db: Queryable, reader: AuthUser, entries: T[]): Promise<T[]> {
  if (reader.role === 'admin') return entries;
  const staff = new Set<number>((await db.query(staffIdsSql)).rows.map((r) => r.id));
  const hidden = (id: number | null) => id !== reader.id && (id === null || staff.has(id));
  return entries.map((e) => {
    const out = { ...e };
    if (out.accountEmail !== null && hidden(out.accountId)) out.accountEmail = null;
    if (out.entity === 'account' && hidden(Number(out.ref))) {
      out.before = strip(out.before);
      out.after = strip(out.after);
    }
    return out;
  });
}
