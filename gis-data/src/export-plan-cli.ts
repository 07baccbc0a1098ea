// `npm run gis:export-plan -- <planId> [out.json]`: one plan as a NIS Detaljplan v4 document
// (the same as GET /api/plan-documents/{planId}); to stdout without a file.
import fs from 'node:fs';
import { loadConfig } from '../../api/src/config';
import { createPool } from '../../api/src/db/pool';
import { AppError } from '../../api/src/errors/app-error';
import { exportPlanDocument } from '../../api/src/plans/national/export-service';

async function main(): Promise<void> {
  const [planId, out] = process.argv.slice(2);
  if (!planId) {
    console.error('usage: npm run gis:export-plan -- <planId> [out.json]');
    process.exit(2);
  }
  const db = createPool(loadConfig().databaseUrl, 1);
  try {
    const text = `${JSON.stringify(await exportPlanDocument(db, planId), null, 2)}\n`;
    if (out) {
      fs.writeFileSync(out, text);
      console.log(`plan ${planId} written to ${out} (NIS Detaljplan v4)`);
    } else process.stdout.write(text);
  } catch (err) {
    console.error(err instanceof AppError ? `${err.code}: ${err.message}` : `not exported: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await db.end();
  }
}

void main();
