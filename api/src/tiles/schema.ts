// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { TILE_LAYERS, MAX_ZOOM, tileParams, type TileLayer, type TileParams } from '../contract';
