import type { Srid } from '../../geo/crs';

/** Where a load's features come from: read once, in order, one feature at a time. */
export interface FeatureSource {
  /** The CRS of the geometries it yields (GDAL sources always yield SWEREF 99 TM). */
  srid: Srid;
  /** The number of features, when the format tells it cheaply (for progress). */
  total?: number;
  /** The source layer read, for GIS files with layers. */
  layerName?: string;
  features(): AsyncIterable<unknown>;
}

/** An in-memory array of features (seed, tests, GTFS import). */
export function arraySource(features: unknown[], srid: Srid): FeatureSource {
  return {
    srid,
    total: features.length,
    async *features() {
      yield* features;
    },
  };
}
