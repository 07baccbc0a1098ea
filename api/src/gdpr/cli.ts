import { loadConfig } from '../config';
import { createPool } from '../db/pool';
import { applyRetention, erasePerson, exportPerson } from './service';

const USAGE = 'usage: npm run gdpr:export -- <email> | npm run gdpr:erase -- <email> | npm run gdpr:retention';

/**
 * The GDPR commands: `export <email>` prints the person's data as JSON, `erase <email>` erases
 * it, `retention` applies the retention rule (config RETENTION_*; run it daily, e.g. from cron).
 * Every run is in the audit log (no account: the command line).
 */
async function main(): Promise<void> {
  const [command, email] = process.argv.slice(2);
  const config = loadConfig();
  if (!['export', 'erase', 'retention'].includes(command ?? '') || (command !== 'retention' && !email?.includes('@'))) {
    console.error(USAGE);
    process.exit(2);
  }
  const db = createPool(config.databaseUrl, 1);
  try {
    if (command === 'export') console.log(JSON.stringify(await exportPerson(db, email, null), null, 2));
    else if (command === 'erase') console.log(JSON.stringify({ erased: await erasePerson(db, email, null) }));
    else {
      const rule = { closedCaseMonths: config.retentionClosedCaseMonths, requestMonths: config.retentionRequestMonths, intakeContactMonths: config.retentionIntakeContactMonths };
      console.log(JSON.stringify({ rule, applied: await applyRetention(db, rule) }));
    }
  } finally {
    await db.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
