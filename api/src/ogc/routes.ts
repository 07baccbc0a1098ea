import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context';
import { authenticate } from '../auth/middleware';
import { notFound } from '../errors/app-error';
import { COLLECTIONS, COLLECTION_IDS, isCollectionId, type Collection } from './collections';
import { contentCrs } from './crs';
import { collectionDoc, collectionsDoc, conformance, landingPage, OPENAPI_T, queryablesDoc, selfLinks, type Link } from './documents';
import { featureTable, page, propertyTable, esc, STYLE } from './html';
import { allowOnly, format, itemQuery, itemsQuery, type ItemsQuery } from './params';
import { findExtent, findItem, findItems, type OgcFeature } from './items';
import { ogcOpenapi } from './openapi';
import { boundedRead } from './bounded';
import { editorOf } from './editors';
import { ogcWriteRoutes } from './write-routes';

/** The absolute URL of /ogc as this client reached it (links must be absolute for GDAL/QGIS). */
export const baseUrl = (req: Request): string => `${req.protocol}://${req.get('host')}${req.baseUrl}`;

function collectionOf(req: Request): Collection {
  const id = String(req.params.collectionId);
  if (!isCollectionId(id)) throw notFound(`No collection '${id}'; see /ogc/collections`);
  return COLLECTIONS[id];
}

/** Sends a JSON document, or its HTML rendering. */
function send(res: Response, html: boolean, json: unknown, type: string, title: string, body: () => string, links: Link[] = []): void {
  if (html) res.type('text/html').send(page(title, body(), links));
  else res.type(type).send(JSON.stringify(json));
}

/** The items URL of the same query at another offset (next/prev links keep every parameter). */
function pageUrl(req: Request, base: string, c: Collection, offset: number, f?: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) if (k !== 'offset' && k !== 'f') params.set(k, String(v));
  if (offset > 0) params.set('offset', String(offset));
  if (f) params.set('f', f);
  const qs = params.toString();
  return `${base}/collections/${c.id}/items${qs ? `?${qs}` : ''}`;
}

/** OGC API – Features at /ogc: Parts 1–3 here, Part 4 in write-routes.ts. */
export function ogcRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  const opts = { staleAfterDays: ctx.config.premisesStaleAfterDays };
  router.use(authenticate(ctx));

  router.get('/', (req, res) => {
    allowOnly(req, ['f']);
    const html = format(req) === 'html';
    const doc = landingPage(baseUrl(req), html);
    send(res, html, doc, 'application/json', doc.title, () => `<p>${esc(doc.description)}</p>`, doc.links);
  });

  router.get('/style.css', (_req, res) => void res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(STYLE));

  router.get('/conformance', (req, res) => {
    allowOnly(req, ['f']);
    const html = format(req) === 'html';
    const doc = conformance();
    send(res, html, doc, 'application/json', 'Konformitet / Conformance', () => `<ul>${doc.conformsTo.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>`);
  });

  router.get('/api', (req, res) => {
    allowOnly(req, ['f']);
    const doc = ogcOpenapi(baseUrl(req));
    send(res, format(req) === 'html', doc, OPENAPI_T, 'API-definition / API definition', () =>
      `<p><a href="?f=json">OpenAPI 3.0 (JSON)</a></p><ul>${Object.keys(doc.paths).map((p) => `<li><code>${esc(p)}</code></li>`).join('')}</ul>`);
  });

  router.get('/collections', async (req, res) => {
    allowOnly(req, ['f']);
    const html = format(req) === 'html';
    const base = baseUrl(req);
    const extents = await boundedRead(db, async (c) => new Map(await Promise.all(COLLECTION_IDS.map(async (id) => [id, await findExtent(c, COLLECTIONS[id], opts)] as const))));
    const doc = collectionsDoc(base, html, extents);
    send(res, html, doc, 'application/json', 'Samlingar / Collections', () =>
      `<ul>${doc.collections.map((c) => `<li><a href="${esc(`${base}/collections/${c.id}?f=html`)}">${esc(c.title)}</a> — ${esc(c.description)}</li>`).join('')}</ul>`, doc.links);
  });

  router.get('/collections/:collectionId', async (req, res) => {
    const c = collectionOf(req);
    allowOnly(req, ['f']);
    const extent = await boundedRead(db, (client) => findExtent(client, c, opts));
    const doc = collectionDoc(baseUrl(req), c, extent);
    send(res, format(req) === 'html', doc, 'application/json', doc.title, () => `<p>${esc(doc.description)}</p>${propertyTable({ extent: doc.extent, crs: doc.crs, storageCrs: doc.storageCrs })}`, doc.links);
  });

  router.get('/collections/:collectionId/queryables', (req, res) => {
    const c = collectionOf(req);
    allowOnly(req, ['f']);
    const doc = queryablesDoc(baseUrl(req), c);
    send(res, format(req) === 'html', doc, 'application/schema+json', `${c.title}: queryables`, () => propertyTable(doc.properties));
  });

  router.get('/collections/:collectionId/items', async (req, res) => {
    const c = collectionOf(req);
    const q: ItemsQuery = itemsQuery(req, c);
    const result = await boundedRead(db, (client) => findItems(client, c, q, opts));
    const base = baseUrl(req);
    const html = q.format === 'html';
    const links: Link[] = [
      ...selfLinks(pageUrl(req, base, c, q.offset), 'application/geo+json', html, `${c.title}`),
      { href: `${base}/collections/${c.id}`, rel: 'collection', type: 'application/json', title: c.title },
    ];
    const f = html ? 'html' : undefined;
    if (q.offset + result.returned < result.matched) {
      links.push({ href: pageUrl(req, base, c, q.offset + q.limit, f), rel: 'next', type: html ? 'text/html' : 'application/geo+json', title: 'Nästa sida / Next page' });
    }
    if (q.offset > 0) {
      links.push({ href: pageUrl(req, base, c, Math.max(0, q.offset - q.limit), f), rel: 'prev', type: html ? 'text/html' : 'application/geo+json', title: 'Föregående sida / Previous page' });
    }
    res.set('Content-Crs', contentCrs(q.crs));
    if (html) {
      const features = JSON.parse(result.featuresJson) as OgcFeature[];
      res.type('text/html').send(page(c.title, `<p>${result.returned} av / of ${result.matched} (offset ${q.offset})</p>${featureTable(base, c.id, features)}`, links));
      return;
    }
    // the features text goes out as PostGIS wrote it: no parse and re-serialise of 1 000 features
    const meta = JSON.stringify({ links, timeStamp: new Date().toISOString(), numberMatched: result.matched, numberReturned: result.returned });
    res.type('application/geo+json').send(`{"type":"FeatureCollection","features":${result.featuresJson},${meta.slice(1)}`);
  });

  router.get('/collections/:collectionId/items/:featureId', async (req, res) => {
    const c = collectionOf(req);
    const q = itemQuery(req);
    const f = await boundedRead(db, (client) => findItem(client, c, String(req.params.featureId), q.crs, opts));
    if (!f) throw notFound(`No feature '${req.params.featureId}' in ${c.id}`);
    const base = baseUrl(req);
    const editor = editorOf(c.id);
    if (editor) res.set('ETag', editor.etag(f.properties));
    res.set('Content-Crs', contentCrs(q.crs));
    const self = `${base}/collections/${c.id}/items/${encodeURIComponent(f.id)}`;
    const links: Link[] = [
      ...selfLinks(self, 'application/geo+json', q.format === 'html', f.id),
      { href: `${base}/collections/${c.id}`, rel: 'collection', type: 'application/json', title: c.title },
    ];
    send(res, q.format === 'html', { ...f, links }, 'application/geo+json', `${c.title}: ${f.id}`, () => propertyTable(f.properties), links);
  });

  router.use(ogcWriteRoutes(ctx));
  return router;
}
