// The database's own lists of allowed values (check constraints, the match_uses table) must
// be the contract's enums: adding a value to the contract then fails here until a migration
// follows, instead of failing in production on the first insert.
import { migrate } from '../../api/src/db/migrate';
import { createPool, type Db } from '../../api/src/db/pool';
import * as contract from '../../api/src/contract';
import { onAdmin, quoteIdent, dropDatabase, urlFor, runPrefix } from '../support/databases';

/** Which contract enum each enum-like check constraint stands for (table.column). */
const EXPECTED: Record<string, readonly string[]> = {
  'match_uses.use': contract.MATCH_USES,
  'pitch_links.use': contract.MATCH_USES,
  'plans.status': contract.PLAN_STATUSES,
  'land_parcels.status': contract.LAND_STATUSES,
  'land_parcels.owner_type': contract.OWNER_TYPES,
  'land_parcels.reservation_kind': contract.RESERVATION_KINDS,
  'premises.status': contract.PREMISES_STATUSES,
  'premises.kind': contract.PREMISES_KINDS,
  'stops.mode': contract.STOP_MODES,
  'municipalities.relation': contract.MUNICIPALITY_RELATIONS,
  'accounts.role': contract.ROLES,
  'accounts.status': contract.ACCOUNT_STATUSES,
  'cases.stage': contract.STAGES,
  'cases.source': contract.CASE_SOURCES,
  'cases.outcome': contract.OUTCOMES,
  'case_events.kind': contract.TIMELINE_KINDS,
  'case_sites.response': contract.SITE_RESPONSES,
  'case_sites.site_kind': contract.SITE_KINDS,
  'case_events.site_kind': contract.SITE_KINDS,
  'match_site_stop.site_kind': contract.SITE_KINDS,
  'match_index_change.site_kind': contract.SITE_KINDS,
  'cases.lost_reason': contract.LOST_REASONS,
  'checklist_items.stage': contract.STAGES,
  'layer_revisions.layer': contract.READ_LAYER_NAMES,
};

interface EnumCheck { key: string; values: string[] }

/** Check constraints of the form `col in ('a', 'b', …)` / `col = any (array['a', …])`, with their values. */
async function enumChecks(db: Db): Promise<EnumCheck[]> {
  const { rows } = await db.query<{ tbl: string; def: string }>(
    `select c.conrelid::regclass::text as tbl, pg_get_constraintdef(c.oid) as def
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'c' and n.nspname = 'public'`,
  );
  const out: EnumCheck[] = [];
  for (const r of rows) {
    const m = /\(\(?(\w+) = ANY \(\(?ARRAY\[(.*?)\]\)?\)?/.exec(r.def);
    if (!m) continue;
    const values = [...m[2].matchAll(/'([^']*)'/g)].map((v) => v[1]);
    out.push({ key: `${r.tbl}.${m[1]}`, values });
  }
  return out;
}

describe('the database and the contract', () => {
  const name = `${runPrefix()}contract`;
  let db: Db;

  beforeAll(async () => {
    await onAdmin((c) => c.query(`create database ${quoteIdent(name)}`));
    db = createPool(urlFor(name), 1);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.end();
    await onAdmin((c) => dropDatabase(c, name));
  });

  test('when the enum checks are read, then each allows exactly the values of its contract enum', async () => {
    const checks = await enumChecks(db);
    const found = Object.fromEntries(checks.filter((c) => c.key in EXPECTED).map((c) => [c.key, [...c.values].sort()]));
    const expected = Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, [...v].sort()]));
    expect(found).toEqual(expected);
  });

  test('when a check lists values of a contract enum, then it is one this test knows (none is forgotten)', async () => {
    const enums = (Object.entries(contract) as Array<[string, unknown]>).filter(
      (e): e is [string, readonly string[]] => Array.isArray(e[1]) && e[1].every((v: unknown) => typeof v === 'string'),
    );
    const unknown = (await enumChecks(db))
      .filter((c) => !(c.key in EXPECTED))
      .filter((c) => enums.some(([, values]) => c.values.length > 1 && c.values.every((v) => values.includes(v))))
      .map((c) => c.key);
    expect(unknown).toEqual([]);
  });

  test('when the match_uses table is read, then it maps every use of the contract and no other', async () => {
    const { rows } = await db.query<{ use: string }>('select use from match_uses order by use');
    expect(rows.map((r) => r.use)).toEqual([...contract.MATCH_USES].sort());
  });
});
