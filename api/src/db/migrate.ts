import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './pool';
import { withTransaction } from './transaction';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../sql/migrations');
// Any constant: serialises concurrent migrators (two test workers, start + serve).
const LOCK_KEY = 7_460_126;

/**
 * Applies the pending forward-only migrations of `sql/migrations` (NNNN_name.sql), all in
 * one transaction, and returns the names applied. Safe to run again: applied names are
 * kept in schema_migrations.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  await withTransaction(db, async (client) => {
    await client.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await client.query(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set((await client.query('select name from schema_migrations')).rows.map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      try {
        await client.query(fs.readFileSync(path.join(dir, file), 'utf8'));
      } catch (err) {
        throw new Error(`migration ${file} failed: ${(err as Error).message}`);
      }
      await client.query('insert into schema_migrations (name) values ($1)', [file]);
      applied.push(file);
    }
  });
  return applied;
}
