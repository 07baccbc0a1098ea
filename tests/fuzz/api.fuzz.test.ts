// Issue 13, general defence: property-based fuzzing (fast-check) of every endpoint that takes
// input, and of the loader. Per input: no 5xx; a 4xx answers JSON with `code` and `message`;
// the response comes within RESPONSE_BOUND_MS (a hang bound, not a speed measurement); and a
// rejected request changed no stored row (a row-level trigger on every table logs committed
// changes: its count must not move on a 4xx), and the row fingerprints of all tables are the
// same after each property unless it had a write accepted. Prints the number of inputs; a full run makes
// at least MIN_INPUTS. FUZZ_SCALE (default 1) multiplies every count.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import fc from 'fast-check';
import { createApp } from '../../api/src/app';
import { answerClientErrors } from '../../api/src/http/client-errors';
import { loadConfig } from '../../api/src/config';
import { createLogger } from '../../api/src/logger';
import { withTransaction } from '../../api/src/db/transaction';
import { loadFeatures } from '../../api/src/layers/loader';
import { LoadError } from '../../api/src/layers/load-error';
import { LAYERS, type LayerName } from '../../api/src/layers/registry';
import { WGS84, SWEREF99TM } from '../../api/src/geo/crs';
import { createTestDb, type TestDb } from '../support/test-db';
import { apiToken, createAccount } from '../support/auth';
import { captureLogFile } from '../support/log-capture';
import { loadCaseWorld } from '../fixtures/cases/load';
import { deepJsonText, encode, fromZod, hostileGeometry, mutate, nastyJson, nastyString } from './arbitraries';
import * as S from './schemas';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const MIN_INPUTS = 10_000;
const RESPONSE_BOUND_MS = 10_000;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const keysOf = (schema: unknown) => Object.keys((schema as { _zod: { def: { shape?: object } } })._zod.def.shape ?? {});

// Tables a rejected request may legitimately touch: sign-in bookkeeping and counters.
const UNWATCHED = ['schema_migrations', 'spatial_ref_sys', 'fuzz_changes', 'sessions', 'api_tokens'];
const UNWATCHED_PATTERN = /rate|limit|attempt|session/;

describe('fuzzing every input (issue 13)', () => {
  let t: TestDb;
  let server: Server;
  let base: string;
  const tokens: Record<'admin' | 'business' | 'owner' | 'planner' | 'victim', string> = {} as never;
  let victimId = 0;
  let caseId = 0;
  let pitchToken = '';
  let premisesRef = '';
  let premisesEtag = '';
  let inputs = 0;
  let writesAccepted = 0;
  const fiveHundreds: string[] = [];
  const watched: string[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    await loadCaseWorld(t.db);
    const config = loadConfig({ ...process.env, DATABASE_URL: t.url }, { trustProxy: 1, loginAttemptsPer15Min: 1_000_000 });
    const file = captureLogFile();
    const app = createApp({ config, db: t.db, log: file ? createLogger('warn', file) : createLogger('silent') });
    server = answerClientErrors(app.listen(0));
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const role of ['admin', 'business', 'owner', 'planner'] as const) {
      const a = await createAccount(t.db, { role });
      tokens[role] = await apiToken(t.db, a.id);
    }
    const victim = await createAccount(t.db, { role: 'owner' });
    victimId = victim.id;
    tokens.victim = await apiToken(t.db, victim.id);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${tokens.business}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return { body: (await res.json()) as Record<string, any>, etag: res.headers.get('etag') ?? '' };
    };
    caseId = (await post('/api/cases', { companyName: 'Fuzz AB' })).body.id;
    await post(`/api/cases/${caseId}/sites`, { kind: 'land', ref: 'Flemingsberg 1:1' });
    pitchToken = (await post(`/api/cases/${caseId}/pitch-links`, { sites: [{ kind: 'land', ref: 'Flemingsberg 1:1' }] })).body.token;
    const p = await post('/api/premises', { type: 'Feature', geometry: { type: 'Point', coordinates: [17.93, 59.22] }, properties: { title: 'Fuzzlokal', kind: 'office', floorAreaM2: 100 } });
    premisesRef = p.body.properties.ref;
    premisesEtag = p.etag;
    // Every committed row change of every watched table, logged in the same transaction.
    await t.db.query(`
      create table fuzz_changes (tbl text not null, op text not null);
      create function fuzz_log() returns trigger language plpgsql as $$
        begin insert into fuzz_changes values (TG_TABLE_NAME, TG_OP); return null; end $$;`);
    const { rows } = await t.db.query("select tablename from pg_tables where schemaname = 'public'");
    for (const { tablename } of rows) {
      if (UNWATCHED.includes(tablename) || UNWATCHED_PATTERN.test(tablename)) continue;
      watched.push(tablename);
      await t.db.query(`create trigger fuzz_log after insert or update or delete on "${tablename}" for each row execute function fuzz_log()`);
    }
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await t?.drop();
  });

  /** A fingerprint of every watched table's rows: md5 of the rows as text, in order. */
  const fingerprint = async (): Promise<string> => {
    const parts = watched.map((tbl) => `select '${tbl}:' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as f from "${tbl}" t`);
    const { rows } = await t.db.query(`select string_agg(f, ',' order by f) as f from (${parts.join(' union all ')}) x`);
    return rows[0].f;
  };
  const changes = async (): Promise<number> => (await t.db.query('select count(*)::int as n from fuzz_changes')).rows[0].n;
  const randomIp = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `10.${a}.${b}.${c}`);

  interface Call {
    method: string;
    path: string;
    body?: unknown;
    raw?: string;
    as?: keyof typeof tokens;
    ifMatch?: string;
    ip: string;
  }

  /** One input: sends it and checks every rule; throws (fast-check then shrinks) on a breach. */
  async function send(c: Call): Promise<number> {
    const before = await changes();
    const headers: Record<string, string> = { 'X-Forwarded-For': c.ip };
    if (c.as) headers.Authorization = `Bearer ${tokens[c.as]}`;
    if (c.ifMatch !== undefined) headers['If-Match'] = c.ifMatch;
    let body: string | undefined;
    if (c.raw !== undefined) body = c.raw;
    else if (c.body !== undefined) body = JSON.stringify(c.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const started = performance.now();
    const res = await fetch(`${base}${c.path}`, { method: c.method, headers, body });
    const text = await res.text();
    const ms = performance.now() - started;
    inputs++;
    const what = `${c.method} ${c.path} ${(body ?? '').slice(0, 300)}`;
    if (res.status >= 500) fiveHundreds.push(`${res.status} ${what} → ${text.slice(0, 200)}`);
    if (res.status >= 500) throw new Error(`${res.status} for ${what}: ${text.slice(0, 300)}`);
    if (res.status >= 400) {
      let json: { code?: unknown; message?: unknown } = {};
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`${res.status} without a JSON body for ${what}: ${text.slice(0, 200)}`);
      }
      if (typeof json.code !== 'string' || typeof json.message !== 'string') throw new Error(`${res.status} without code/message for ${what}: ${text.slice(0, 200)}`);
      const after = await changes();
      if (after !== before) {
        const { rows } = await t.db.query('select tbl, op from fuzz_changes offset $1', [before]);
        throw new Error(`a rejected request (${res.status}) changed stored rows ${JSON.stringify(rows)}: ${what}`);
      }
    }
    if (ms > RESPONSE_BOUND_MS) throw new Error(`${Math.round(ms)} ms for ${what}`);
    // A pitch link counts its views (a documented write on GET).
    if (res.status < 400 && (c.method !== 'GET' || c.path.startsWith('/api/pitch/'))) writesAccepted++;
    return res.status;
  }

  /**
   * Runs `numRuns` inputs; besides the per-input checks, the row fingerprint of every watched
   * table must be the same after the property as before it unless some write was accepted.
   */
  async function property(arb: fc.Arbitrary<Call>, numRuns: number): Promise<void> {
    const before = await fingerprint();
    const accepted = writesAccepted;
    await fc.assert(fc.asyncProperty(arb, async (c) => void (await send(c))), { numRuns: runs(numRuns) });
    if (writesAccepted === accepted) expect(await fingerprint()).toBe(before);
  }

  /** A path segment: anything, percent-encoded, or malformed escapes sent as they are. */
  const segment = fc.oneof(nastyString.map(encode), fc.constantFrom('%', '%E0%A4%A', '%00', '%2e%2e', '%ff', '..', '0', '-1', '99999999999999999999'));
  /** A query string with the schema's keys (and others), nasty values, sometimes repeated keys. */
  const query = (keys: string[]) =>
    fc
      .array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...keys, 'bbox', 'crs', 'area'), weight: 4 }, { arbitrary: nastyString, weight: 1 }), nastyString), { maxLength: 5 })
      .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : ''));
  const bboxValue = fc.oneof(
    fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.double({ noNaN: true })).map((b) => b.join(',')),
    fc.tuple(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true })).map((b) => b.join(',')),
  );
  const bodyFor = (schema: unknown, validBase: Record<string, unknown>) =>
    fc.oneof({ arbitrary: fromZod(schema as never), weight: 4 }, { arbitrary: mutate(validBase), weight: 3 }, { arbitrary: nastyJson, weight: 1 });

  const layerQueries: [LayerName, unknown][] = [
    ['premises', S.premisesQuery], ['land', S.landQuery], ['plans', S.plansQuery], ['areas', S.areasQuery], ['municipalities', S.municipalitiesQuery], ['stops', S.areasQuery],
  ];

  test.each(layerQueries)('GET /api/%s with fuzzed query parameters and bboxes', async (layer, schema) => {
    await property(fc.record({ method: fc.constant('GET'), path: query(keysOf(schema)).map((q) => `/api/${layer}${q}`), ip: randomIp }), 300);
    await property(fc.record({ method: fc.constant('GET'), path: fc.tuple(bboxValue, fc.constantFrom('', '&crs=3006', '&crs=4326')).map(([b, c]) => `/api/${layer}?bbox=${encode(b)}${c}`), ip: randomIp }), 100);
    await property(fc.record({ method: fc.constant('GET'), path: segment.map((s) => `/api/${layer}/${s}`), ip: randomIp }), 100);
  });

  test('GET tiles with fuzzed layer, z, x, y', async () => {
    const num = fc.oneof(fc.integer({ min: -5, max: 40 }).map(String), segment);
    await property(fc.record({ method: fc.constant('GET'), path: fc.tuple(fc.oneof(fc.constantFrom('land', 'plans', 'premises', 'areas', 'stops'), segment), num, num, num).map(([l, z, x, y]) => `/tiles/${l}/${z}/${x}/${y}.mvt`), ip: randomIp }), 400);
  });

  test('GET readiness, kpis, audit, accounts, cases, requests, pitch with fuzzed parameters', async () => {
    const gets: [string, string[], keyof typeof tokens | undefined][] = [
      ['/api/readiness', keysOf(S.readinessQuery), undefined],
      ['/api/readiness/pipeline', keysOf(S.pipelineQuery), undefined],
      ['/api/kpis', keysOf(S.kpisQuery), 'business'],
      ['/api/audit', ['entity', 'ref', 'limit', 'since', 'until', 'actor', 'action'], 'admin'],
      ['/api/accounts', keysOf(S.listAccountsQuery), 'admin'],
      ['/api/cases', keysOf(S.listCasesQuery), 'business'],
      ['/api/requests', keysOf(S.listRequestsQuery), 'business'],
    ];
    for (const [path, keys, as] of gets) await property(fc.record({ method: fc.constant('GET'), path: query(keys).map((q) => `${path}${q}`), as: fc.constant(as), ip: randomIp }), 120);
    await property(fc.record({ method: fc.constant('GET'), path: fc.oneof(segment, fc.constant(pitchToken)).chain((s) => fc.constantFrom(`/api/pitch/${s}`, `/api/pitch/${s}?lang=xx`, `/api/cases/${s}`, `/api/requests/${s}`, `/api/accounts/${s}`)), as: fc.constant('admin' as const), ip: randomIp }), 300);
  });

  test('POST /api/match with bodies from its schema, mutations and nonsense', async () => {
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant('/api/match'), body: bodyFor(S.matchRequestSchema, { use: 'office', minAreaM2: 100 }), ip: randomIp }), 1200);
  });

  test('POST /api/intake and /api/requests', async () => {
    const intake = { company: 'AB', contact: { name: 'A', email: 'a@example.test' }, use: 'office', minAreaM2: 100, consent: true };
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant('/api/intake'), body: bodyFor(S.intakeBody, intake), ip: randomIp }), 700);
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant('/api/requests'), as: fc.constant('business' as const), body: bodyFor(S.saveRequestSchema, { company: 'AB', criteria: { use: 'office', minAreaM2: 100 } }), ip: randomIp }), 400);
  });

  test('POST /api/premises, /api/land, /api/plans with hostile geometries and properties, in both CRSs', async () => {
    const feature = (props: fc.Arbitrary<unknown>) =>
      fc.oneof(
        { arbitrary: fc.record({ type: fc.constant('Feature'), geometry: hostileGeometry, properties: props }), weight: 6 },
        { arbitrary: nastyJson, weight: 1 },
        { arbitrary: fc.record({ type: nastyString, geometry: nastyJson, properties: nastyJson }), weight: 1 },
      );
    const crs = fc.constantFrom('', '?crs=3006', '?crs=4326', '?crs=EPSG:9999', '?crs=%00', '?crs=3006&crs=4326');
    const props: [string, unknown, Record<string, unknown>][] = [
      ['premises', S.premisesProperties, { title: 'Lokal', kind: 'office', floorAreaM2: 100 }],
      ['land', S.landProperties, { ref: 'Fuzz 1:1', ownerType: 'municipal', status: 'available' }],
      ['plans', S.planZoneProperties, { ref: 'FZ-1', planId: 'FZ', planName: 'Fuzzplan', status: 'review', useCodes: ['J'] }],
    ];
    for (const [layer, schema, valid] of props) {
      await property(
        fc.record({ method: fc.constant('POST'), path: crs.map((c) => `/api/${layer}${c}`), as: fc.constantFrom('business' as const, 'owner' as const, 'planner' as const), body: feature(fc.oneof(fromZod(schema as never), mutate(valid))), ip: randomIp }),
        layer === 'premises' ? 600 : 400,
      );
    }
    await property(
      fc.record({
        method: fc.constant('PATCH'),
        path: fc.constantFrom(`/api/premises/${encode(premisesRef)}`, `/api/premises/${encode(premisesRef)}?crs=3006`),
        as: fc.constant('business' as const),
        ifMatch: fc.oneof(fc.constant(premisesEtag), nastyString.filter((s) => /^[\x20-\x7e]*$/.test(s))),
        body: fc.oneof(fc.record({ type: fc.constant('Feature'), geometry: hostileGeometry, properties: fc.oneof(fromZod(S.premisesProperties as never), nastyJson) }), nastyJson),
        ip: randomIp,
      }),
      300,
    );
  });

  test('cases, sites, stages, events and pitch links', async () => {
    const etag = async () => (await fetch(`${base}/api/cases/${caseId}`, { headers: { Authorization: `Bearer ${tokens.business}` } })).headers.get('etag') ?? '""';
    const b = 'business' as const;
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant('/api/cases'), as: fc.constant(b), body: bodyFor(S.createCaseBody, { companyName: 'AB' }), ip: randomIp }), 250);
    const current = await etag();
    await property(fc.record({ method: fc.constant('PATCH'), path: fc.constant(`/api/cases/${caseId}`), as: fc.constant(b), ifMatch: fc.constantFrom(current, '"0"', 'x', '"99999999999999999999"'), body: bodyFor(S.patchCaseBody, {}), ip: randomIp }), 200);
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant(`/api/cases/${caseId}/stage`), as: fc.constant(b), ifMatch: fc.constantFrom(current, 'x'), body: bodyFor(S.stageBody, { stage: 'contact' }), ip: randomIp }), 150);
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant(`/api/cases/${caseId}/events`), as: fc.constant(b), body: bodyFor(S.eventBody, { kind: 'note', body: 'x' }), ip: randomIp }), 200);
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant(`/api/cases/${caseId}/sites`), as: fc.constant(b), body: bodyFor(S.proposeSiteBody, { kind: 'land', ref: 'Länna 4:12' }), ip: randomIp }), 200);
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant(`/api/cases/${caseId}/pitch-links`), as: fc.constant(b), body: bodyFor(S.createLinkBody, { sites: [{ kind: 'land', ref: 'Flemingsberg 1:1' }] }), ip: randomIp }), 200);
    await property(fc.record({ method: fc.constantFrom('POST', 'PATCH', 'PUT'), path: segment.chain((s) => fc.constantFrom(`/api/cases/${s}`, `/api/cases/${s}/stage`, `/api/cases/${caseId}/sites/${s}/response`, `/api/cases/${caseId}/checklist/${s}`, `/api/cases/${caseId}/pitch-links/${s}/revoke`)), as: fc.constant(b), body: nastyJson, ip: randomIp }), 300);
  });

  test('sign-in, sign-up, tokens, password, accounts and the checklist bank', async () => {
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant('/api/auth/login'), body: bodyFor(S.loginBody, { email: 'nobody@example.test', password: 'x' }), ip: randomIp }), 200);
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant('/api/auth/signup'), body: bodyFor(S.signupBody, { email: 'fuzz@example.test', password: 'long-enough-1', name: 'F' }), ip: randomIp }), 150);
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant('/api/auth/tokens'), as: fc.constant('planner' as const), body: bodyFor(S.createTokenBody, { name: 'x' }), ip: randomIp }), 200);
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant('/api/auth/password'), as: fc.constant('victim' as const), body: bodyFor(S.changePasswordBody, { currentPassword: 'wrong-password', newPassword: 'another-long-one' }), ip: randomIp }), 100);
    await property(fc.record({ method: fc.constant('POST'), path: fc.constant('/api/accounts'), as: fc.constant('admin' as const), body: bodyFor(S.createAccountBody, { email: 'new@example.test', password: 'long-enough-1', name: 'N', role: 'business' }), ip: randomIp }), 150);
    await property(fc.record({ method: fc.constant('PATCH'), path: fc.oneof(fc.constant(`/api/accounts/${victimId}`), segment.map((s) => `/api/accounts/${s}`)), as: fc.constant('admin' as const), body: bodyFor(S.updateAccountBody, { name: 'V' }), ip: randomIp }), 150);
    await property(fc.record({ method: fc.constantFrom('POST', 'PATCH'), path: fc.oneof(fc.constant('/api/checklist-items'), segment.map((s) => `/api/checklist-items/${s}`)), as: fc.constant('admin' as const), body: bodyFor(S.bankItemBody, { label: 'x' }), ip: randomIp }), 150);
  });

  test('malformed and deeply nested JSON to every kind of write endpoint', async () => {
    const raw = fc.oneof(deepJsonText, fc.constantFrom('{', '{"a":', '[1,]', 'nul', '{"a":1e999}', '"\\u0000"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'), fc.string({ maxLength: 50 }));
    const paths = ['/api/match', '/api/intake', '/api/premises', '/api/land', '/api/plans', '/api/cases', '/api/auth/login', '/api/auth/signup', '/api/requests', `/api/cases/${caseId}/events`];
    await property(fc.record({ method: fc.constant('POST'), path: fc.constantFrom(...paths), as: fc.constant('business' as const), raw, ip: randomIp }), 500);
  });

  test('the loader with generated features: a LoadError naming the fault or a load, never another error; a failed load changes nothing', async () => {
    const layers = Object.keys(LAYERS) as LayerName[];
    const arb = fc.constantFrom(...layers).chain((layer) =>
      fc.record({
        layer: fc.constant(layer),
        srid: fc.constantFrom(WGS84, SWEREF99TM),
        features: fc.array(
          fc.oneof(
            { arbitrary: fc.record({ type: fc.constant('Feature'), geometry: hostileGeometry, properties: fromZod(LAYERS[layer].properties as never) }), weight: 5 },
            { arbitrary: nastyJson, weight: 1 },
          ),
          { maxLength: 4 },
        ),
      }),
    );
    const ROLLBACK = new Error('fuzz: roll back');
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(arb, async ({ layer, srid, features }) => {
        inputs++;
        const before = await changes();
        let failure: unknown;
        await withTransaction(t.db, async (c) => {
          await loadFeatures(c, layer, features, { srid });
          throw ROLLBACK; // a successful load is undone too: each input starts from the same data
        }).catch((err) => {
          failure = err;
        });
        if (failure !== ROLLBACK && !(failure instanceof LoadError)) throw new Error(`not a LoadError: ${String(failure)} for ${JSON.stringify(features).slice(0, 300)}`);
        if (failure instanceof LoadError && !/feature \d+|^malformed|FeatureCollection|features/.test(failure.message) && features.length > 0) {
          throw new Error(`a LoadError that names no feature: ${failure.message}`);
        }
        expect(await changes()).toBe(before);
      }),
      { numRuns: runs(600) },
    );
    expect(await fingerprint()).toBe(before); // every load was rolled back or refused
  });

  test('the whole run: at least 10 000 inputs, none answered 5xx', () => {
    process.stdout.write(`\nfuzz: ${inputs} generated inputs, ${fiveHundreds.length} answered 5xx, ${writesAccepted} writes accepted (valid inputs)\n`);
    expect(fiveHundreds).toEqual([]);
    if (SCALE >= 1) expect(inputs).toBeGreaterThanOrEqual(MIN_INPUTS);
  });
});
