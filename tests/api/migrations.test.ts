import { migrate } from '../../api/src/db/migrate';
import { createPool } from '../../api/src/db/pool';
import { onAdmin, quoteIdent, dropDatabase, urlFor, runPrefix } from '../support/databases';

describe('migrations', () => {
  const name = `${runPrefix()}migrate`;

  beforeAll(() => onAdmin((c) => c.query(`create database ${quoteIdent(name)}`)));
  afterAll(() => onAdmin((c) => dropDatabase(c, name)));

  test('when applied to an empty database twice, then the second run applies nothing and fails nothing', async () => {
    const db = createPool(urlFor(name), 1);
    try {
      const first = await migrate(db);
      expect(first.length).toBeGreaterThanOrEqual(4);
      expect(first[0]).toBe('0001_extensions_and_helpers.sql');
      expect(await migrate(db)).toEqual([]);
      const { rows } = await db.query('select count(*)::int as n from schema_migrations');
      expect(rows[0].n).toBe(first.length);
      const tables = await db.query(
        "select table_name from information_schema.tables where table_schema = 'public' and table_name = any($1) order by 1",
        [['areas', 'land_parcels', 'plan_zones', 'plans', 'premises', 'stops']],
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(['areas', 'land_parcels', 'plan_zones', 'plans', 'premises', 'stops']);
    } finally {
      await db.end();
    }
  });

  test('when an invalid geometry is inserted directly, then the database refuses it', async () => {
    const db = createPool(urlFor(name), 1);
    try {
      await migrate(db);
      const bowtie = 'POLYGON((670000 6570000, 671000 6571000, 671000 6570000, 670000 6571000, 670000 6570000))';
      await expect(
        db.query("insert into areas (ref, name, geom) values ('bowtie', 'Bowtie', ST_GeomFromText($1, 3006))", [bowtie]),
      ).rejects.toThrow(/check constraint/);
    } finally {
      await db.end();
    }
  });
});
