// runMatch as other components call it (readiness's unmet demand, cases): options and errors.
import fs from 'node:fs';
import path from 'node:path';
import { createTestDb, type TestDb } from '../support/test-db';
import { loadFeatures } from '../../api/src/layers/loader';
import { withTransaction } from '../../api/src/db/transaction';
import { runMatch } from '../../api/src/matching/service';
import { AppError } from '../../api/src/errors/app-error';
import type { LayerName } from '../../api/src/layers/registry';

const WORLD = path.join(__dirname, '../fixtures/matching/sold-let');

describe('runMatch called from other components', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await withTransaction(t.db, async (client) => {
      for (const layer of ['areas', 'stops', 'plans', 'land', 'premises'] as LayerName[]) {
        const { features } = JSON.parse(fs.readFileSync(path.join(WORLD, 'in', `${layer}.geojson`), 'utf8'));
        await loadFeatures(client, layer, features, { srid: 3006 });
      }
    });
    // confirmed 120 days ago
    await t.db.query(fs.readFileSync(path.join(WORLD, 'setup.sql'), 'utf8'));
  });
  afterAll(() => t.drop());

  const refs = (r: { results: Array<{ ref: string }> }) => r.results.map((x) => x.ref).sort();
  const premisesOnly = { need: 'premises' as const, use: 'logistics' as const, minAreaM2: 5000 };

  test('when a listing was confirmed 120 days ago, then it is stale at 90 days and current at 200', async () => {
    const strict = await runMatch(t.db, premisesOnly, { staleAfterDays: 90 });
    expect(refs(strict)).toEqual(['P-AV']);
    expect(strict.excluded.notAvailable).toBe(3);
    const lenient = await runMatch(t.db, premisesOnly, { staleAfterDays: 200 });
    expect(refs(lenient)).toEqual(['P-AV', 'P-STALE']);
    expect(lenient.excluded.notAvailable).toBe(2);
  });

  test('when "today" is moved back before the confirmation went stale, then the listing counts again', async () => {
    const { rows } = await t.db.query("select (confirmed_at::date + 10)::text as d from premises where ref = 'P-STALE'");
    const res = await runMatch(t.db, premisesOnly, { staleAfterDays: 90, today: rows[0].d });
    expect(refs(res)).toEqual(['P-AV', 'P-STALE']);
  });

  test('when the request is malformed, then runMatch throws a 400 AppError naming the field', async () => {
    await expect(runMatch(t.db, { use: 'logistics', minAreaM2: -1 })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('minAreaM2') });
    await expect(runMatch(t.db, { ...premisesOnly, areas: ['nowhere'] })).rejects.toBeInstanceOf(AppError);
  });

  test('when a stored request lacks defaults, then runMatch applies them (need any, limit 20)', async () => {
    const res = await runMatch(t.db, { use: 'logistics', minAreaM2: 5000 });
    expect(refs(res)).toEqual(['L-AV', 'P-AV']);
    expect(res.excluded.notAvailable).toBe(6);
  });
});
