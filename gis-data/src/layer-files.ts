import path from 'node:path';
import { LAYER_NAMES, type LayerName } from '../../api/src/layers/registry';

export const LAYERS_DIR = path.resolve(__dirname, '../layers');

/** The shipped file of each layer, in the order a seed loads them. */
export const SHIPPED_LAYERS: Array<{ layer: LayerName; file: string }> = LAYER_NAMES.map((layer) => ({
  layer,
  file: path.join(LAYERS_DIR, `${layer}.geojson`),
}));
