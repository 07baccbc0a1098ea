import fs from 'node:fs';
import type { Db } from '../../api/src/db/pool';
import { withTransaction } from '../../api/src/db/transaction';
import { sqlFile } from '../../api/src/db/sql-file';
import { loadFeatures, type LoadSummary } from '../../api/src/layers/loader';
import { parseFeatureCollection } from '../../api/src/layers/check-features';
import { SHIPPED_LAYERS } from './layer-files';

const isEmptySql = sqlFile(__dirname, 'is-empty.sql');

/** True when no layer holds any row. */
export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const { rows } = await db.query(isEmptySql);
  return rows[0].empty;
}

/** Loads every shipped layer in one transaction: the seed lands whole or not at all. */
export async function seedShippedLayers(db: Db): Promise<LoadSummary[]> {
  return withTransaction(db, async (client) => {
    const summaries: LoadSummary[] = [];
    for (const { layer, file } of SHIPPED_LAYERS) {
      const { features } = parseFeatureCollection(fs.readFileSync(file, 'utf8'));
      summaries.push(await loadFeatures(client, layer, features));
    }
    return summaries;
  });
}
