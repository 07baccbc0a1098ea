import type { Queryable } from '../../db/pool';
import { sqlFile } from '../../db/sql-file';
import { notFound } from '../../errors/app-error';
import { buildPlanDocument, type StoredPlanDocument } from './export-document';

const planDocumentSql = sqlFile(__dirname, 'plan-document.sql');

/** The plan as a NIS Detaljplan v4 document; 404 for an unknown plan, 409 when it cannot be one. */
export async function exportPlanDocument(db: Queryable, planId: string): Promise<Record<string, unknown>> {
  const { rows } = await db.query(planDocumentSql, [planId]);
  if (!rows.length) throw notFound(`No plan with planId '${planId}'`);
  return buildPlanDocument(JSON.parse(rows[0].doc) as StoredPlanDocument);
}
