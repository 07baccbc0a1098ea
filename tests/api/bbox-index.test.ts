import { listLandSql } from '../../api/src/land/repository';
import { listStopsSql } from '../../api/src/transit/repository';
import { createTestDb, type TestDb } from '../support/test-db';

/** EXPLAIN of a list query with real parameters, as one text. */
async function plan(t: TestDb, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await t.db.query(`explain ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('bbox queries and the spatial index', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    // 40 000 parcels of 40 m x 40 m around Huddinge, and 20 000 stops: enough rows that a
    // sequential scan is the planner's worse choice.
    await t.db.query(`
      insert into land_parcels (ref, owner_type, status, geom)
      select 'Grid ' || i || ':' || j, 'municipal', 'available',
             ST_MakeEnvelope(660000 + i * 50, 6565000 + j * 50, 660040 + i * 50, 6565040 + j * 50, 3006)
      from generate_series(0, 199) i, generate_series(0, 199) j`);
    await t.db.query(`
      insert into stops (ref, name, mode, geom)
      select 'S' || i, 'Stop ' || i, 'bus', ST_SetSRID(ST_MakePoint(660000 + (i % 200) * 50, 6565000 + (i / 200) * 50), 3006)
      from generate_series(0, 19999) i`);
    await t.db.query('analyze land_parcels; analyze stops');
  });
  afterAll(() => t.drop());

  // A small lon/lat window inside the grid: about 400 m x 400 m.
  const bbox = [17.83, 59.21, 17.837, 59.2135];

  test('when land is read with a bbox, then the plan uses the GiST index on the 3006 geometry', async () => {
    const text = await plan(t, listLandSql, [4326, ...bbox, null, null, null, null]);
    expect(text).toMatch(/Index Scan using land_parcels_geom_idx|Bitmap Index Scan on land_parcels_geom_idx/);
    expect(text).not.toMatch(/Seq Scan on land_parcels/);
  });

  test('when stops are read with a bbox in 3006, then the plan uses the GiST index', async () => {
    const text = await plan(t, listStopsSql, [3006, 660000, 6565000, 660400, 6565400, null, null, null, null]);
    expect(text).toMatch(/stops_geom_idx/);
  });

  test('when the bbox is given, then the result has only the intersecting parcels', async () => {
    const { rows } = await t.db.query(listLandSql, [4326, ...bbox, null, null, null, null]);
    const n = JSON.parse(rows[0].features).length;
    const { rows: expected } = await t.db.query(
      'select count(*)::int as n from land_parcels where ST_Intersects(ST_Transform(geom, 4326), ST_MakeEnvelope($1, $2, $3, $4, 4326))',
      bbox,
    );
    expect(expected[0].n).toBeGreaterThan(0);
    expect(n).toBe(expected[0].n);
  });
});
