// `npm run admin:create -- <email> [name]`: creates an active admin. The password is read
// from ETABLERA_ADMIN_PASSWORD or asked for on the terminal (never a default, never argv).
import readline from 'node:readline';
import { loadConfig } from '../config';
import { createPool } from '../db/pool';
import { createAccount } from './service';
import { email as emailSchema, password as passwordSchema } from './schema';

async function askHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  out._writeToOutput = (s: string) => out.output.write(s.startsWith(question) ? question : '');
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function main(): Promise<void> {
  const [rawEmail, ...nameParts] = process.argv.slice(2);
  const email = emailSchema.safeParse(rawEmail ?? '');
  if (!email.success) throw new Error('usage: npm run admin:create -- <email> [name]');
  const password =
    process.env.ETABLERA_ADMIN_PASSWORD ?? (process.stdin.isTTY ? await askHidden('Password (at least 10 characters): ') : '');
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new Error(`password ${checked.error.issues[0].message} (set ETABLERA_ADMIN_PASSWORD or run in a terminal)`);
  const db = createPool(loadConfig().databaseUrl, 1);
  try {
    const account = await createAccount(db, { email: email.data, password, name: nameParts.join(' ') || 'Administratör', role: 'admin', status: 'active' });
    console.log(`created admin ${account.email} (id ${account.id})`);
  } finally {
    await db.end();
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
