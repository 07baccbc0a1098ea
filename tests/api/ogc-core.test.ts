// OGC API – Features Part 1 (Core) and Part 2 (CRS by reference) at /ogc: the assertions of
// the OGC test suite (ets-ogcapi-features10 and its Part 2 tests) re-implemented over the
// seeded data, with the JSON API (/api/{layer}) as the independent source of expected values.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const EPSG4326 = 'http://www.opengis.net/def/crs/EPSG/0/4326';
const EPSG3006 = 'http://www.opengis.net/def/crs/EPSG/0/3006';
const LAYERS = ['areas', 'land', 'plans', 'premises', 'stops', 'municipalities'];

type Link = { href: string; rel: string; type?: string };
type Feature = { id: string; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> };

describe('OGC API – Features Part 1 and 2', () => {
  let t: TestApp;
  const get = (path: string) => request(t.app).get(path);
  /** The path of an absolute link, for supertest. */
  const pathOf = (href: string) => {
    const u = new URL(href);
    return u.pathname + u.search;
  };
  const allOf = async (layer: string, query = ''): Promise<Feature[]> =>
    (await get(`/api/${layer}${query}`).expect(200)).body.features;

  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
  });
  afterAll(() => t.drop());

  describe('landing page (/req/core/root-success)', () => {
    it('when the landing page is read, then it links the API definition, conformance and data', async () => {
      const res = await get('/ogc').expect(200);
      expect(res.type).toBe('application/json');
      const links: Link[] = res.body.links;
      for (const l of links) {
        expect(typeof l.href).toBe('string');
        expect(typeof l.rel).toBe('string');
      }
      const rels = links.map((l) => l.rel);
      expect(rels).toEqual(expect.arrayContaining(['self', 'alternate', 'service-desc', 'service-doc', 'conformance', 'data']));
      expect(links.find((l) => l.rel === 'service-desc')!.type).toBe('application/vnd.oai.openapi+json;version=3.0');
      expect(links.find((l) => l.rel === 'data')!.href).toMatch(/\/ogc\/collections$/);
    });

    it('when HTML is asked for by f=html or by Accept, then the landing page is HTML', async () => {
      expect((await get('/ogc?f=html').expect(200)).type).toBe('text/html');
      expect((await get('/ogc').set('Accept', 'text/html,application/xhtml+xml').expect(200)).type).toBe('text/html');
    });

    it('when any other resource is asked for in HTML, then it is an HTML page naming what it shows', async () => {
      const pages: Array<[string, string]> = [
        ['/ogc/conformance?f=html', 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core'],
        ['/ogc/api?f=html', '/collections/land/items'],
        ['/ogc/collections?f=html', 'Land parcels'],
        ['/ogc/collections/plans?f=html', 'http://www.opengis.net/def/crs/EPSG/0/3006'],
        ['/ogc/collections/land/queryables?f=html', 'ownerType'],
      ];
      for (const [path, text] of pages) {
        const res = await get(path).expect(200);
        expect(res.type).toBe('text/html');
        expect(res.text).toContain(text);
        expect(res.text).not.toMatch(/<style|style=|<script/); // the CSP allows neither
      }
      expect((await get('/ogc/style.css').expect(200)).type).toBe('text/css');
    });
  });

  describe('API definition (/req/oas30)', () => {
    it('when /ogc/api is read, then it is OpenAPI 3.0 describing every collection with a bounded limit', async () => {
      const res = await get('/ogc/api').expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/vnd\.oai\.openapi\+json; ?version=3\.0/);
      const doc = JSON.parse(res.text);
      expect(doc.openapi).toMatch(/^3\.0\./);
      for (const id of LAYERS) expect(doc.paths[`/collections/${id}/items`].get).toBeDefined();
      expect(doc.components.parameters.limit.schema).toMatchObject({ minimum: 1, maximum: 10000, default: 10 });
      expect(doc.paths['/collections/land/items'].post).toBeDefined();
      expect(doc.paths['/collections/stops/items'].post).toBeUndefined();
    });
  });

  describe('conformance (/req/core/conformance-success)', () => {
    it('when the conformance page is read, then it declares exactly the classes implemented', async () => {
      const res = await get('/ogc/conformance').expect(200);
      const spec = 'http://www.opengis.net/spec/';
      expect([...res.body.conformsTo].sort()).toEqual([
        `${spec}cql2/1.0/conf/advanced-comparison-operators`,
        `${spec}cql2/1.0/conf/basic-cql2`,
        `${spec}cql2/1.0/conf/basic-spatial-functions`,
        `${spec}cql2/1.0/conf/cql2-json`,
        `${spec}cql2/1.0/conf/cql2-text`,
        `${spec}ogcapi-features-1/1.0/conf/core`,
        `${spec}ogcapi-features-1/1.0/conf/geojson`,
        `${spec}ogcapi-features-1/1.0/conf/html`,
        `${spec}ogcapi-features-1/1.0/conf/oas30`,
        `${spec}ogcapi-features-2/1.0/conf/crs`,
        `${spec}ogcapi-features-3/1.0/conf/features-filter`,
        `${spec}ogcapi-features-3/1.0/conf/filter`,
        `${spec}ogcapi-features-3/1.0/conf/queryables`,
        `${spec}ogcapi-features-3/1.0/conf/queryables-query-parameters`,
        `${spec}ogcapi-features-4/1.0/conf/create-replace-delete`,
        `${spec}ogcapi-features-4/1.0/conf/features`,
        `${spec}ogcapi-features-4/1.0/conf/optimistic-locking-etags`,
        `${spec}ogcapi-features-4/1.0/conf/update`,
      ]);
    });
  });

  describe('collections (/req/core/fc-md-*) and CRS discovery (Part 2 /req/crs/crs-*)', () => {
    it('when /ogc/collections is read, then every layer is there with items links, extent and its CRS list', async () => {
      const res = await get('/ogc/collections').expect(200);
      expect(res.body.links.map((l: Link) => l.rel)).toEqual(expect.arrayContaining(['self', 'alternate']));
      expect(res.body.collections.map((c: { id: string }) => c.id)).toEqual(LAYERS);
      for (const c of res.body.collections) {
        expect(c.links.filter((l: Link) => l.rel === 'items').map((l: Link) => l.type)).toEqual(expect.arrayContaining(['application/geo+json', 'text/html']));
        const [minX, minY, maxX, maxY] = c.extent.spatial.bbox[0];
        expect(minX).toBeLessThan(maxX);
        expect(minY).toBeLessThan(maxY);
        expect(minX).toBeGreaterThan(10);
        expect(maxY).toBeLessThan(70);
        expect(c.crs[0]).toBe(CRS84);
        expect(c.crs).toEqual(expect.arrayContaining([CRS84, EPSG4326, EPSG3006]));
        expect(c.storageCrs).toBe(EPSG3006);
        // the single collection document agrees with its entry in the list
        const one = await get(`/ogc/collections/${c.id}`).expect(200);
        // (supertest listens on a new port per request: compare without the host)
        const noHost = (x: unknown) => JSON.parse(JSON.stringify(x).replace(/http:\/\/127\.0\.0\.1:\d+/g, ''));
        expect(noHost(one.body)).toEqual(noHost(c));
      }
    });

    it('when a collection has dates, then its temporal extent spans them', async () => {
      const plans = await allOf('plans');
      const dates = plans.map((f) => f.properties.legalForceDate as string | null).filter((d): d is string => !!d).sort();
      const c = (await get('/ogc/collections/plans').expect(200)).body;
      expect(c.extent.temporal.interval[0]).toEqual([`${dates[0]}T00:00:00.000Z`, `${dates[dates.length - 1]}T00:00:00.000Z`]);
      expect((await get('/ogc/collections/stops').expect(200)).body.extent.temporal).toBeUndefined();
    });

    it('when an unknown collection is asked for, then 404 in the API error format', async () => {
      const res = await get('/ogc/collections/nope').expect(404);
      expect(res.body).toEqual({ code: 'not_found', message: expect.any(String) });
    });
  });

  describe('items (/req/core/fc-*)', () => {
    it.each(LAYERS)('when %s items are read without parameters, then the first 10 come with counts, links and a time stamp', async (layer) => {
      const all = await allOf(layer);
      const res = await get(`/ogc/collections/${layer}/items`).expect(200);
      expect(res.type).toBe('application/geo+json');
      expect(res.headers['content-crs']).toBe(`<${CRS84}>`);
      expect(res.body.type).toBe('FeatureCollection');
      expect(res.body.numberMatched).toBe(all.length);
      expect(res.body.numberReturned).toBe(Math.min(10, all.length));
      expect(res.body.features).toHaveLength(res.body.numberReturned);
      expect(Math.abs(Date.parse(res.body.timeStamp) - Date.now())).toBeLessThan(60_000);
      const rels = res.body.links.map((l: Link) => l.rel);
      expect(rels).toEqual(expect.arrayContaining(['self', 'alternate', 'collection']));
      expect(rels.includes('next')).toBe(all.length > 10);
      expect(rels).not.toContain('prev');
    });

    it.each(LAYERS)('when every page of %s is followed by its next links, then each feature comes once, as the JSON API has it', async (layer) => {
      const expected = new Map((await allOf(layer)).map((f) => [String(f.properties.ref), f]));
      const seen = new Map<string, Feature>();
      let path: string | undefined = `/ogc/collections/${layer}/items?limit=7`;
      let pages = 0;
      while (path) {
        const res: request.Response = await get(path).expect(200);
        expect(res.body.numberReturned).toBeLessThanOrEqual(7);
        for (const f of res.body.features as Feature[]) {
          expect(seen.has(f.id)).toBe(false);
          seen.set(f.id, f);
        }
        const next: Link | undefined = (res.body.links as Link[]).find((l) => l.rel === 'next');
        path = next ? pathOf(next.href) : undefined;
        if (++pages > 1000) throw new Error('paging does not end');
      }
      expect([...seen.keys()].sort()).toEqual([...expected.keys()].sort());
      // the same public properties and geometry as the JSON API: no more (personal data), no less
      for (const [ref, f] of seen) {
        expect(f.properties).toEqual(expected.get(ref)!.properties);
        expect(f.geometry).toEqual(expected.get(ref)!.geometry);
      }
    });

    it('when a later page is read, then its prev link leads back to the page before', async () => {
      const second = await get('/ogc/collections/land/items?limit=5&offset=5').expect(200);
      const prev = (second.body.links as Link[]).find((l) => l.rel === 'prev')!;
      const first = await get(pathOf(prev.href)).expect(200);
      const direct = await get('/ogc/collections/land/items?limit=5').expect(200);
      expect(first.body.features.map((f: Feature) => f.id)).toEqual(direct.body.features.map((f: Feature) => f.id));
    });

    it('when limit is above the maximum, then at most the maximum is returned; below 1 or not a number is a 400', async () => {
      const res = await get('/ogc/collections/land/items?limit=999999').expect(200);
      expect(res.body.numberReturned).toBe(res.body.numberMatched);
      for (const bad of ['0', '-1', 'ten', '1.5']) {
        const r = await get(`/ogc/collections/land/items?limit=${bad}`).expect(400);
        expect(r.body).toEqual({ code: 'invalid_parameter', message: expect.stringContaining('limit') });
      }
    });

    it('when a bbox is given (/req/core/fc-bbox-response), then exactly the features the JSON API finds in it come back', async () => {
      const bbox = '17.93,59.20,18.00,59.23';
      for (const layer of ['land', 'plans', 'premises', 'stops']) {
        const expected = (await allOf(layer, `?bbox=${bbox}`)).map((f) => String(f.properties.ref)).sort();
        const res = await get(`/ogc/collections/${layer}/items?bbox=${bbox}&limit=10000`).expect(200);
        expect(res.body.features.map((f: Feature) => f.id).sort()).toEqual(expected);
        expect(res.body.numberMatched).toBe(expected.length);
      }
    });

    it('when the bbox is the whole world, then every feature comes back (degrees are cut to where EPSG:3006 holds)', async () => {
      const all = await allOf('land');
      const res = await get('/ogc/collections/land/items?bbox=-180,-90,180,90&limit=10000').expect(200);
      expect(res.body.numberMatched).toBe(all.length);
      const far = await get('/ogc/collections/land/items?bbox=100,10,120,20').expect(200);
      expect(far.body.numberMatched).toBe(0);
      const cql = await get(`/ogc/collections/land/items?limit=10000&filter=${encodeURIComponent('S_INTERSECTS(geometry, BBOX(-180, -90, 180, 90))')}`).expect(200);
      expect(cql.body.numberMatched).toBe(all.length);
    });

    it('when a bbox is malformed, then 400 naming bbox', async () => {
      for (const bad of ['1,2,3', '18,59,17,60', 'a,b,c,d', '17,59,18,60,5']) {
        const r = await get(`/ogc/collections/land/items?bbox=${bad}`).expect(400);
        expect(r.body.message).toMatch(/bbox/);
      }
    });

    it('when datetime is given for plans, then only zones in force within it come back', async () => {
      const plans = await allOf('plans');
      const inRange = plans.filter((f) => f.properties.legalForceDate && f.properties.legalForceDate >= '2000-01-01' && f.properties.legalForceDate <= '2015-12-31');
      expect(inRange.length).toBeGreaterThan(0);
      const res = await get('/ogc/collections/plans/items?datetime=2000-01-01/2015-12-31&limit=1000').expect(200);
      expect(res.body.features.map((f: Feature) => f.id).sort()).toEqual(inRange.map((f) => String(f.properties.ref)).sort());
      const open = await get('/ogc/collections/plans/items?datetime=../2015-12-31&limit=1000').expect(200);
      expect(open.body.features.every((f: Feature) => String(f.properties.legalForceDate) <= '2015-12-31')).toBe(true);
      await get('/ogc/collections/plans/items?datetime=2015-13-45').expect(400);
      await get('/ogc/collections/plans/items?datetime=2016-01-01/2015-01-01').expect(400);
    });

    it('when an unknown or repeated parameter is sent, then 400 {code, message}', async () => {
      const r = await get('/ogc/collections/land/items?colour=red').expect(400);
      expect(r.body).toEqual({ code: 'invalid_parameter', message: "unknown parameter(s) 'colour'" });
      await get('/ogc/collections/land/items?limit=1&limit=2').expect(400);
      await get('/ogc/collections/land/items?f=xml').expect(400);
    });

    it('when one feature is read (/req/core/f-success), then it is the same feature with an ETag, and an unknown one is 404', async () => {
      const [first] = await allOf('land');
      const ref = String(first.properties.ref);
      const res = await get(`/ogc/collections/land/items/${encodeURIComponent(ref)}`).expect(200);
      expect(res.body.id).toBe(ref);
      expect(res.body.properties).toEqual(first.properties);
      expect(res.headers.etag).toBe(`"${first.properties.version}"`);
      expect(res.body.links.map((l: Link) => l.rel)).toEqual(expect.arrayContaining(['self', 'alternate', 'collection']));
      await get('/ogc/collections/land/items/no-such-parcel').expect(404);
      expect((await get(`/ogc/collections/land/items/${encodeURIComponent(ref)}?f=html`).expect(200)).text).toContain(ref);
    });

    it('when items are asked for in HTML, then a page lists them with escaped values', async () => {
      const res = await get('/ogc/collections/premises/items?f=html&limit=3').expect(200);
      expect(res.type).toBe('text/html');
      const first = (await get('/ogc/collections/premises/items?limit=1').expect(200)).body.features[0];
      expect(res.text).toContain(first.id);
      expect(res.text).not.toMatch(/<script/i);
    });
  });

  describe('Part 2: crs and bbox-crs', () => {
    const round = (n: number) => Math.round(n * 1000) / 1000;
    const swap = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? [c[1], c[0]] : (c as unknown[]).map(swap));
    const mapCoords = (c: unknown, f: (n: number) => number): unknown => (typeof c === 'number' ? f(c) : (c as unknown[]).map((x) => mapCoords(x, f)));

    it('when crs is EPSG:4326, then coordinates are lat/lon: the CRS84 ones swapped, with Content-Crs saying so', async () => {
      const lonLat = await get('/ogc/collections/land/items?limit=20').expect(200);
      const latLon = await get(`/ogc/collections/land/items?limit=20&crs=${encodeURIComponent(EPSG4326)}`).expect(200);
      expect(latLon.headers['content-crs']).toBe(`<${EPSG4326}>`);
      lonLat.body.features.forEach((f: Feature, i: number) => expect(latLon.body.features[i].geometry.coordinates).toEqual(swap(f.geometry.coordinates)));
      const [lat, lon] = (latLon.body.features[0].geometry.coordinates as number[][][])[0][0];
      expect(lat).toBeGreaterThan(59);
      expect(lon).toBeLessThan(19);
    });

    it('when crs is EPSG:3006, then coordinates are northing/easting in metres, the JSON API’s 3006 ones in EPSG axis order', async () => {
      const api = await allOf('premises', '?crs=3006');
      const res = await get(`/ogc/collections/premises/items?limit=1000&crs=${encodeURIComponent(EPSG3006)}`).expect(200);
      expect(res.headers['content-crs']).toBe(`<${EPSG3006}>`);
      const byRef = new Map(api.map((f) => [String(f.properties.ref), f]));
      expect(res.body.features).toHaveLength(api.length);
      for (const f of res.body.features as Feature[]) {
        expect(mapCoords(f.geometry.coordinates, round)).toEqual(mapCoords(swap(byRef.get(f.id)!.geometry.coordinates), round));
        const [n, e] = f.geometry.type === 'Point' ? (f.geometry.coordinates as number[]) : (f.geometry.coordinates as number[][][])[0][0];
        expect(n).toBeGreaterThan(6_500_000);
        expect(e).toBeLessThan(800_000);
      }
      const one = await get(`/ogc/collections/premises/items/${encodeURIComponent(api[0].properties.ref as string)}?crs=${encodeURIComponent(EPSG3006)}`).expect(200);
      expect(one.headers['content-crs']).toBe(`<${EPSG3006}>`);
    });

    it('when crs is not offered, then 400 naming the offered ones', async () => {
      const r = await get('/ogc/collections/land/items?crs=http://www.opengis.net/def/crs/EPSG/0/3857').expect(400);
      expect(r.body.message).toContain(EPSG3006);
    });

    it('when bbox-crs is EPSG:3006 (northing first) or EPSG:4326 (lat first), then the same features as the CRS84 bbox come back', async () => {
      const expected = (await allOf('land', '?bbox=676000,6566000,680000,6570000&crs=3006')).map((f) => f.properties.ref).sort();
      expect(expected.length).toBeGreaterThan(0);
      const ne = await get(`/ogc/collections/land/items?limit=10000&bbox=6566000,676000,6570000,680000&bbox-crs=${encodeURIComponent(EPSG3006)}`).expect(200);
      expect(ne.body.features.map((f: Feature) => f.id).sort()).toEqual(expected);
      const lonLat = (await allOf('land', '?bbox=17.93,59.20,18.00,59.23')).map((f) => f.properties.ref).sort();
      const latLon = await get(`/ogc/collections/land/items?limit=10000&bbox=59.20,17.93,59.23,18.00&bbox-crs=${encodeURIComponent(EPSG4326)}`).expect(200);
      expect(latLon.body.features.map((f: Feature) => f.id).sort()).toEqual(lonLat);
      const crs84 = await get(`/ogc/collections/land/items?limit=10000&bbox=17.93,59.20,18.00,59.23&bbox-crs=${encodeURIComponent(CRS84)}`).expect(200);
      expect(crs84.body.features.map((f: Feature) => f.id).sort()).toEqual(lonLat);
    });

    it('when bbox-crs comes without bbox, or metres are given as degrees, then 400', async () => {
      await get(`/ogc/collections/land/items?bbox-crs=${encodeURIComponent(EPSG3006)}`).expect(400);
      await get(`/ogc/collections/land/items?bbox=59,17,60,18&bbox-crs=${encodeURIComponent(EPSG3006)}`).expect(400);
    });
  });
});
