import path from 'node:path';
import type { DbClient } from '../../db/pool';
import { sqlFile } from '../../db/sql-file';
import type { LayerName } from '../registry';

const at = (component: string, name: string) => sqlFile(path.join(__dirname, '../..', component), name);

/**
 * Per layer, the set-based statements that merge the load's rows (view load_rows) into
 * the layer's tables: `first` (no parameters) runs before `merge` ($1 skip unchanged),
 * which returns `{ inserted, updated }`. Each mirrors the layer's one-row upsert.
 */
const MERGES: Record<LayerName, { first?: string; merge: string }> = {
  municipalities: { merge: at('municipalities', 'merge-municipalities.sql') },
  areas: { merge: at('areas', 'merge-areas.sql') },
  stops: { merge: at('transit', 'merge-stops.sql') },
  plans: { first: at('plans', 'merge-plans.sql'), merge: at('plans', 'merge-zones.sql') },
  land: { merge: at('land', 'merge-land.sql') },
  premises: { merge: at('premises', 'merge-premises.sql') },
};

/** Merges load_rows into the layer: one statement per table, one layer-revision bump each. */
export async function mergeRows(client: DbClient, layer: LayerName, skipUnchanged: boolean): Promise<{ inserted: number; updated: number }> {
  const { first, merge } = MERGES[layer];
  if (first) await client.query(first);
  const { rows } = await client.query(merge, [skipUnchanged]);
  return rows[0];
}
