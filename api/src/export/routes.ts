import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors/app-error';
import { parseBody } from '../http/validate';
import { listLayer, type LayerReader } from '../layers/layer-router';
import type { CommonFilters } from '../layers/read-query';
import { WGS84, type Srid } from '../geo/crs';
import { areasReader } from '../areas/routes';
import { landReader } from '../land/routes';
import { plansReader } from '../plans/routes';
import { premisesReader } from '../premises/routes';
import { stopsReader } from '../transit/routes';
import { municipalitiesReader } from '../municipalities/routes';
import { matchRequestSchema } from '../matching/schema';
import { EXPORT_FORMATS, type ExportFormat } from '../contract/export';
import { runMatch } from '../matching/service';
import { convert, flatProperties } from './ogr';
import { matchFeatureCollection } from './match-features';

export { EXPORT_FORMATS };

/** `land.csv` → ['land', 'csv']; anything else → 404. */
function fileName(req: Request, names: readonly string[]): [string, ExportFormat] {
  const m = /^([a-z]+)\.([a-z]+)$/.exec(String(req.params.file));
  if (!m || !names.includes(m[1]) || !(EXPORT_FORMATS as readonly string[]).includes(m[2])) {
    throw notFound(`No export ${req.params.file}: use /api/export/{${names.join(',')}}.{${EXPORT_FORMATS.join(',')}}`);
  }
  return [m[1], m[2] as ExportFormat];
}

const stamp = () => new Date().toISOString().slice(0, 10);

/** Sends a FeatureCollection as the file asked for, named `etablera-<what>-<date>.<ext>`. */
async function sendFile(res: Response, what: string, format: ExportFormat, geojson: string, srid: Srid): Promise<void> {
  const name = `etablera-${what}-${stamp()}.${format}`;
  if (format === 'geojson') {
    res.attachment(name).type('application/geo+json').send(geojson);
    return;
  }
  const fc = JSON.parse(geojson);
  flatProperties(fc);
  const file = await convert(JSON.stringify(fc), format, what, srid);
  res.attachment(name).type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geopackage+sqlite3').send(file);
}

/**
 * Downloads: GET /api/export/{layer}.{geojson|csv|gpkg} with the read API's filters of that
 * layer (same validation, same public properties), and POST /api/export/match.{format} with a
 * match request body (the ranked sites). CSV carries the geometry as WKT; GeoPackage is made
 * by ogr2ogr.
 */
export function exportRoutes(ctx: AppContext): Router {
  const router = Router();
  const readers: Record<string, LayerReader<CommonFilters>> = {
    areas: areasReader, land: landReader, plans: plansReader, premises: premisesReader(ctx.config.premisesStaleAfterDays),
    stops: stopsReader, municipalities: municipalitiesReader,
  } as unknown as Record<string, LayerReader<CommonFilters>>;

  router.get('/export/:file', async (req, res) => {
    const [layer, format] = fileName(req, Object.keys(readers));
    const { json, srid } = await listLayer(ctx.db, readers[layer], req);
    await sendFile(res, layer, format, json, srid);
  });

  router.post('/export/:file', async (req, res) => {
    const [, format] = fileName(req, ['match']);
    const body = parseBody(matchRequestSchema, req);
    if (Object.keys(req.query).length) throw new AppError(400, 'invalid_parameter', 'the match export takes no query parameters');
    const answer = await runMatch(ctx.db, body, { staleAfterDays: ctx.config.premisesStaleAfterDays });
    await sendFile(res, 'match', format, JSON.stringify(matchFeatureCollection(answer)), WGS84);
  });

  return router;
}
