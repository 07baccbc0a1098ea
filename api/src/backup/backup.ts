import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Errors of pg_dump/pg_restore without the connection string (it may hold a password). */
function clean(err: unknown, url: string): Error {
  const e = err as { stderr?: string; message?: string };
  const text = (e.stderr || e.message || String(err)).split(url).join('<DATABASE_URL>').replace(/postgres(ql)?:\/\/[^\s"']+/g, '<DATABASE_URL>');
  return new Error(text.trim());
}

/**
 * The whole database to `file` in pg_dump's custom format (compressed; pg_restore reads it
 * selectively). Example: `await backupDatabase(process.env.DATABASE_URL, 'etablera.dump')`.
 */
export async function backupDatabase(url: string, file: string): Promise<{ bytes: number }> {
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', file, '--dbname', url], { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    fs.rmSync(file, { force: true }); // never leave half a backup that looks like a whole one
    throw clean(err, url);
  }
  return { bytes: fs.statSync(file).size };
}

/**
 * Restores a backup made by backupDatabase into `url`, replacing what is there (objects of the
 * backup are dropped first), all in one transaction: a failed restore leaves the database as
 * it was.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no backup file ${file}`);
  try {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', url, file], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    throw clean(err, url);
  }
}
