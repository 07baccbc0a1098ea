import type { DbClient } from '../../db/pool';
import type { LayerName } from '../registry';

/**
 * The rows one load wrote: the temporary table `load_touched (ref text primary key,
 * inserted boolean)` on the load's connection, valid until the transaction ends. Use it in
 * SQL (`array(select ref from load_touched)`) rather than passing a million refs from Node.
 */
export interface TouchedRefs {
  table: 'load_touched';
  count: number;
}

/**
 * Called once per load, inside its transaction, just before the merge statements: where
 * per-statement work that the load replaces by one refresh is switched off (e.g. the
 * matching index's triggers deferred with `set_config('etablera.match_index_deferred', 'on', true)`).
 */
export async function beforeLayerMerge(client: DbClient, layer: LayerName): Promise<void> {
  // Nothing to defer yet: the matching index (issue 11) plugs in here when it lands.
  void client;
  void layer;
}

/**
 * The single call site after every loader merge, inside the load's transaction, before
 * commit: set-based refreshes of what is derived from the layer go here, once per load,
 * never once per row — e.g. `select refresh_match_index_for($1, array(select ref from load_touched))`.
 */
export async function afterLayerLoad(client: DbClient, layer: LayerName, refs: TouchedRefs): Promise<void> {
  // Nothing derived yet: the matching index's refresh is called from here when it lands.
  void client;
  void layer;
  void refs;
}
