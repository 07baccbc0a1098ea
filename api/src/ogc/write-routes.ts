import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { AppContext } from '../context';
import { requireRole } from '../access/guards';
import { requireIfMatch } from '../writes/preconditions';
import { parseFeature, type FeatureInput } from '../writes/feature-input';
import { AppError, notFound } from '../errors/app-error';
import { COLLECTIONS, isCollectionId } from './collections';
import { CRS84, findCrs, SUPPORTED_CRS, type OgcCrs } from './crs';
import { editorOf, type Editor, type WriteContext } from './editors';
import { allowOnly } from './params';
import { inputGuard } from '../http/input-guard';
import { findItem } from './items';
import { keepHiddenOwnerName } from '../land/owner-names';

/** The CRS of a request body: the Content-Crs header (Part 2/4), CRS84 when absent. */
function bodyCrs(req: Request): OgcCrs {
  const header = req.get('content-crs');
  if (!header) return CRS84;
  const crs = findCrs(header.trim().replace(/^<(.*)>$/, '$1'));
  if (!crs) throw new AppError(400, 'invalid_parameter', `Content-Crs: not offered; use one of ${SUPPORTED_CRS.map((c) => `<${c.uri}>`).join(', ')}`);
  return crs;
}

/** Swaps the two axes of every position (EPSG:4326 lat/lon and EPSG:3006 N/E in, x/y out). */
function swapAxes(coords: unknown): unknown {
  if (!Array.isArray(coords)) return coords;
  if (coords.length >= 2 && typeof coords[0] === 'number' && typeof coords[1] === 'number') return [coords[1], coords[0], ...coords.slice(2)];
  return coords.map(swapAxes);
}

function input(req: Request, editor: Editor, partial: boolean, crs: OgcCrs): FeatureInput {
  // QGIS sends a PATCH as a JSON merge patch: {"properties": {...}} or {"geometry": ...}, no "type"
  const body = req.body as Record<string, unknown> | undefined;
  if (partial && body && typeof body === 'object' && !Array.isArray(body) && body.type === undefined) body.type = 'Feature';
  const f = parseFeature(req, editor.readOnly, partial);
  const g = f.geometry as { coordinates?: unknown } | null | undefined;
  if (crs.swapAxes && g && typeof g === 'object' && 'coordinates' in g) {
    return { ...f, geometry: { ...g, coordinates: swapAxes(g.coordinates) } };
  }
  return f;
}

/** The editor of the collection in the path; 404 for an unknown one, 405 for a read-only one. */
function editorFor(req: Request): { id: string; editor: Editor } {
  const id = String(req.params.collectionId);
  if (!isCollectionId(id)) throw notFound(`No collection '${id}'; see /ogc/collections`);
  const editor = editorOf(id);
  if (!editor) throw new AppError(405, 'read_only_collection', `${COLLECTIONS[id].title} cannot be edited through this API`);
  return { id, editor };
}

/** The roles of the JSON write API for this collection (401/403 before the body is judged). */
const mayWrite = (req: Request, res: Response, next: NextFunction) => {
  try {
    requireRole(...editorFor(req).editor.roles)(req, res, next);
  } catch (err) {
    next(err);
  }
};

/**
 * Part 4 (draft): POST items, PUT/PATCH/DELETE an item — through the JSON API's write
 * services (editors.ts), with If-Match required (428) and checked (412). Bodies are GeoJSON
 * Features in CRS84 unless Content-Crs names another offered CRS.
 */
export function ogcWriteRoutes(ctx: AppContext): Router {
  const router = Router();
  // PATCH bodies of Part 4 clients (QGIS) are JSON merge patches (RFC 7396); same size limit as the app's JSON
  router.use(express.json({ limit: '2mb', type: 'application/merge-patch+json' }), inputGuard);
  const context = (req: Request, crs: OgcCrs): WriteContext => ({
    db: ctx.db, user: req.user!, srid: crs.srid, staleAfterDays: ctx.config.premisesStaleAfterDays,
  });
  const answer = async (req: Request, res: Response, id: string, ref: string, status: number) => {
    const f = await findItem(ctx.db, COLLECTIONS[id as keyof typeof COLLECTIONS], ref, CRS84, { staleAfterDays: ctx.config.premisesStaleAfterDays });
    const editor = editorOf(id)!;
    const location = `${req.protocol}://${req.get('host')}${req.baseUrl}/collections/${id}/items/${encodeURIComponent(ref)}`;
    if (status === 201) res.location(location);
    res.status(status).set({ ETag: editor.etag(f!.properties), 'Content-Crs': `<${CRS84.uri}>` }).type('application/geo+json').send(JSON.stringify(f));
  };

  // QGIS asks OPTIONS and enables editing from the Allow header it gets back
  const allow = (item: boolean) => (req: Request, res: Response) => {
    const id = String(req.params.collectionId);
    if (!isCollectionId(id)) throw notFound(`No collection '${id}'; see /ogc/collections`);
    const writes = editorOf(id) ? (item ? ['PUT', 'PATCH', 'DELETE'] : ['POST']) : [];
    res.set('Allow', ['GET', 'HEAD', 'OPTIONS', ...writes].join(', ')).status(204).end();
  };
  router.options('/collections/:collectionId/items', allow(false));
  router.options('/collections/:collectionId/items/:featureId', allow(true));

  router.post('/collections/:collectionId/items', mayWrite, async (req, res) => {
    const { id, editor } = editorFor(req);
    allowOnly(req, []);
    const crs = bodyCrs(req);
    // a GIS client sends every field of the layer, null where the user left it empty:
    // on create that means "not given" (so defaults apply), as if the key were absent
    const props = (req.body as { properties?: unknown } | undefined)?.properties;
    if (props && typeof props === 'object' && !Array.isArray(props)) {
      for (const [k, v] of Object.entries(props)) if (v === null) delete (props as Record<string, unknown>)[k];
    }
    const ref = await editor.create(context(req, crs), input(req, editor, false, crs));
    await answer(req, res, id, ref, 201);
  });

  /** The If-Match of a write; with OGC_IF_MATCH=optional a missing one means the current version. */
  const ifMatchOf = async (req: Request, id: string, editor: Editor, ref: string): Promise<string> => {
    if (ctx.config.ogcIfMatch === 'required' || req.get('if-match')) return requireIfMatch(req);
    const current = await findItem(ctx.db, COLLECTIONS[id as keyof typeof COLLECTIONS], ref, CRS84, { staleAfterDays: ctx.config.premisesStaleAfterDays });
    if (!current) throw notFound(`No feature '${ref}' in ${id}`);
    return editor.etag(current.properties);
  };

  /**
   * PUT replaces: a property the body leaves out is cleared (null, or false for a flag), so the write
   * services, which merge into the stored record, store exactly the body. A required property
   * left out is then a 400 from the same validation as the JSON API.
   */
  const clearOmitted = async (req: Request, id: string, editor: Editor, ref: string) => {
    const body = req.body as { properties?: unknown } | undefined;
    if (!body || typeof body !== 'object' || !body.properties || typeof body.properties !== 'object' || Array.isArray(body.properties)) return;
    const current = await findItem(ctx.db, COLLECTIONS[id as keyof typeof COLLECTIONS], ref, CRS84, { staleAfterDays: ctx.config.premisesStaleAfterDays });
    if (!current) return; // the update answers the 404
    const props = body.properties as Record<string, unknown>;
    for (const k of Object.keys(current.properties)) {
      if (k in props || (editor.readOnly as readonly string[]).includes(k) || k === 'ref') continue;
      // the layers' flags (illustrative) default to false; every other optional property to null
      props[k] = typeof current.properties[k] === 'boolean' ? false : null;
    }
  };

  const change = (partial: boolean) => async (req: Request, res: Response) => {
    const { id, editor } = editorFor(req);
    allowOnly(req, []);
    const ref = String(req.params.featureId);
    const crs = bodyCrs(req);
    const w = context(req, crs);
    await editor.mayEdit?.(w, ref); // 403/404 before judging the body, as the JSON API
    const ifMatch = await ifMatchOf(req, id, editor, ref);
    if (!partial) await clearOmitted(req, id, editor, ref);
    const props = (req.body as { properties?: unknown } | undefined)?.properties;
    if (id === 'land' && props && typeof props === 'object' && !Array.isArray(props)) {
      await keepHiddenOwnerName(ctx.db, ref, props as Record<string, unknown>);
    }
    await editor.update(w, ref, ifMatch, input(req, editor, partial, crs));
    await answer(req, res, id, ref, 200);
  };
  // PUT replaces: a whole Feature (geometry and properties) is required; PATCH changes what it names
  router.put('/collections/:collectionId/items/:featureId', mayWrite, change(false));
  router.patch('/collections/:collectionId/items/:featureId', mayWrite, change(true));

  router.delete('/collections/:collectionId/items/:featureId', mayWrite, async (req, res) => {
    const { id, editor } = editorFor(req);
    allowOnly(req, []);
    const ref = String(req.params.featureId);
    const w = context(req, CRS84);
    await editor.mayEdit?.(w, ref);
    await editor.remove(w, ref, await ifMatchOf(req, id, editor, ref));
    res.status(204).end();
  });

  return router;
}
