import type { Db } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { saveRequest } from '../requests/service';
import { checkAreaRefs } from '../areas/service';
import { createCaseIn } from '../cases/service';
import type { IntakeBody } from './schema';

/**
 * Saves the company's request and opens a case in first_contact for it, in one transaction.
 * Returns the reference the company can quote (the case number).
 */
export async function receiveIntake(db: Db, b: IntakeBody): Promise<{ caseId: number; reference: string }> {
  await checkAreaRefs(db, b.areas, 'areas');
  const caseId = await withTransaction(db, async (tx) => {
    const request = await saveRequest(tx, {
      companyName: b.company,
      contactName: b.contact.name,
      contactEmail: b.contact.email,
      ...(b.contact.phone ? { contactPhone: b.contact.phone } : {}),
      ...(b.sector ? { sector: b.sector } : {}),
      ...(b.jobs !== undefined ? { jobsExpected: b.jobs } : {}),
      ...(b.message ? { notes: b.message } : {}),
      criteria: {
        need: b.need,
        use: b.use,
        minAreaM2: b.minAreaM2,
        ...(b.maxAreaM2 !== undefined ? { maxAreaM2: b.maxAreaM2 } : {}),
        ...(b.areas?.length ? { areas: b.areas } : {}),
        ...(b.neededBy ? { neededBy: b.neededBy } : {}),
      },
    });
    return createCaseIn(
      tx,
      { requestIds: [request.id], orgNumber: b.orgNumber ?? null, investmentMsek: b.investmentMsek ?? null, note: 'Inkommen via webbformuläret / received through the web form' },
      { id: null },
      'intake',
    );
  });
  return { caseId, reference: `ETB-${String(caseId).padStart(6, '0')}` };
}
