import type { DbClient } from '../../db/pool';
import type { LayerName } from '../registry';

/**
 * The rows one load wrote: the temporary table `load_touched (ref text primary key,
 * inserted boolean)` on the load's connection, valid until the transaction commits.
 * Join it (`select ref from load_touched`) instead of passing a million refs as a parameter.
 */
export interface TouchedRefs {
  table: 'load_touched';
  count: number;
}

/**
 * The single call site after every loader merge, inside the load's transaction, before
 * commit: set-based refreshes of what is derived from the layer (the matching index of
 * issue 11) go here, once per load, never once per row.
 */
export async function afterLayerLoad(client: DbClient, layer: LayerName, refs: TouchedRefs): Promise<void> {
  // Nothing derived yet: the matching index's refresh is called from here when it lands.
  void client;
  void layer;
  void refs;
}
