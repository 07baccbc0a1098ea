import type { Request } from 'express';
import { z } from 'zod';
import type { Queryable } from '../db/pool';
import { AppError } from '../errors/app-error';
import { parseWith } from '../http/validate';
import { commonQuery } from '../layers/read-query';
import { WGS84, type Srid } from '../geo/crs';
import { geometryProblem, type GeometryKind } from '../geo/validate-geometry';
import { invalidGeometries } from '../geo/db-validity';
import { shapeProblem } from '../geo/geometry-shape';
import { MAX_AREA_M2, type LimitedLayer } from '../geo/limits';

/** Write endpoints take only `crs` (of the geometry sent and of the Feature answered). */
const writeQuery = z.strictObject({ crs: commonQuery.crs });

export const writeCrs = (req: Request): Srid => parseWith(writeQuery, req.query, 'invalid_parameter').crs ?? WGS84;

export interface FeatureInput {
  properties: Record<string, unknown>;
  /** undefined on a PATCH that leaves the geometry as it is */
  geometry?: unknown;
}

/**
 * The GeoJSON Feature of a write request. `partial` (PATCH): properties are only those to
 * change and the geometry may be left out. Read-only properties that the read API adds
 * (id, version, areaM2, ...) are dropped, so a client can send back what it read.
 */
export function parseFeature(req: Request, readOnly: readonly string[], partial: boolean): FeatureInput {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError(400, 'invalid_feature', 'The body must be a GeoJSON Feature (Content-Type: application/json)');
  }
  if (body.type !== 'Feature') throw new AppError(400, 'invalid_feature', 'type: must be "Feature"');
  const props = body.properties ?? (partial ? {} : undefined);
  if (!props || typeof props !== 'object' || Array.isArray(props)) {
    throw new AppError(400, 'invalid_feature', 'properties: must be an object');
  }
  const properties = Object.fromEntries(Object.entries(props).filter(([k]) => !readOnly.includes(k)));
  if (!partial && body.geometry === undefined) throw new AppError(400, 'invalid_geometry', 'geometry: is missing');
  // The vertex cap comes first, before anything else walks the geometry (createApp puts the
  // configured MAX_VERTICES_PER_FEATURE in app.locals).
  const geom = body.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (geom && typeof geom === 'object') {
    const max = (req.app.locals.maxVerticesPerFeature as number | undefined) ?? 10_000;
    const shape = shapeProblem(String(geom.type), geom.coordinates, max);
    if (shape) throw new AppError(400, 'invalid_geometry', `geometry: invalid ${String(geom.type)}: ${shape}`);
  }
  return { properties, geometry: body.geometry };
}

/**
 * Rejects a geometry that is malformed, of the wrong type, outside Sweden, self-intersecting,
 * larger than `layer` allows or otherwise invalid to PostGIS: 400 `invalid_geometry` naming
 * the fault. Never repairs it.
 */
export async function checkGeometry(
  db: Queryable,
  geometry: unknown,
  kinds: readonly GeometryKind[],
  srid: Srid,
  layer: LimitedLayer,
): Promise<void> {
  const problem = geometryProblem(geometry, kinds, srid);
  if (problem) throw new AppError(400, 'invalid_geometry', `geometry: ${problem}`);
  const invalid = await invalidGeometries(db, [geometry], srid, MAX_AREA_M2[layer]);
  if (invalid.size > 0) throw new AppError(400, 'invalid_geometry', `geometry: ${invalid.get(0)}`);
}

/** Properties that may not change on PATCH (the record's identity). */
export function keepIdentity(current: Record<string, unknown>, change: Record<string, unknown>, keys: readonly string[]): void {
  for (const k of keys) {
    if (k in change && change[k] !== current[k]) {
      throw new AppError(400, 'immutable_property', `${k}: cannot be changed (it identifies the record)`);
    }
  }
}
