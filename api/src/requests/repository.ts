import type { RequestsPerMonth } from '../contract/kpis';
import type { Queryable } from '../db/pool';
import { sqlFile } from '../db/sql-file';
import type { SavedRequest, SavedRequestSummary, SaveRequestInput } from './schema';

const insertRequestSql = sqlFile(__dirname, 'insert-request.sql');
const getRequestSql = sqlFile(__dirname, 'get-request.sql');
const listRequestsSql = sqlFile(__dirname, 'list-requests.sql');

export async function insertRequest(db: Queryable, r: SaveRequestInput): Promise<number> {
  const { rows } = await db.query(insertRequestSql, [
    r.companyName, r.contactName ?? null, r.contactEmail ?? null, r.contactPhone ?? null, r.sector ?? null,
    r.jobsExpected ?? null, r.notes ?? null, JSON.stringify(r.criteria),
  ]);
  return rows[0].id;
}

const withIsoDates = <T extends { createdAt: unknown; updatedAt: unknown }>(row: T): T => ({
  ...row,
  createdAt: new Date(row.createdAt as string).toISOString(),
  updatedAt: new Date(row.updatedAt as string).toISOString(),
});

export async function selectRequest(db: Queryable, id: number): Promise<SavedRequest | undefined> {
  const { rows } = await db.query(getRequestSql, [id]);
  return rows[0] ? withIsoDates(rows[0]) : undefined;
}

export async function selectRequests(db: Queryable, limit: number): Promise<SavedRequestSummary[]> {
  const { rows } = await db.query(listRequestsSql, [limit]);
  return rows.map(withIsoDates);
}

/** Saved requests per month, use and named area (GET /api/kpis): the contract's row. */
export type RequestsRow = RequestsPerMonth;

export async function requestsPerMonth(db: Queryable, from: string | null, to: string | null): Promise<RequestsRow[]> {
  return (await db.query(sqlFile(__dirname, 'per-month.sql'), [from, to])).rows;
}
