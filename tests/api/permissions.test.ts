import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';
import { createAccount, signIn } from '../support/auth';
import { E0, landFeature, N0, point, premisesFeature, square, zoneFeature } from './write-fixtures';

type Agent = Awaited<ReturnType<typeof signIn>>;
const ACTORS = ['anonymous', 'pendingOwner', 'owner', 'planner', 'business', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

interface Target {
  /** what the request needs: a ref, an id, an ETag */
  [key: string]: string;
}
interface Endpoint {
  name: string;
  allowed: Actor[];
  /** owners pass the role gate (the record decides): a pending owner hears account_pending */
  ownersRoute?: boolean;
  /** a fresh record for each call, so allowed writes never disturb the next row */
  prepare: () => Promise<Target>;
  call: (agent: Agent, x: Target) => request.Test;
  /** a fingerprint of the stored state this endpoint would change */
  state: (x: Target) => Promise<unknown>;
}

describe('permission matrix: every role × every write endpoint', () => {
  let t: TestApp;
  const agents = {} as Record<Actor, Agent>;
  let ownerId: number;
  let otherOwner: Agent;
  let seq = 0;
  const next = () => `M-${++seq}`;
  const one = async (sql: string, params: unknown[]) => (await t.db.query(sql, params)).rows[0] ?? null;

  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
    agents.anonymous = request.agent(t.app);
    const pending = await createAccount(t.db, { role: 'owner', status: 'pending' });
    agents.pendingOwner = await signIn(t.app, pending.email, pending.password);
    for (const role of ['owner', 'planner', 'business', 'admin'] as const) {
      const a = await createAccount(t.db, { role });
      if (role === 'owner') ownerId = a.id;
      agents[role] = await signIn(t.app, a.email, a.password);
    }
    const other = await createAccount(t.db, { role: 'owner' });
    otherOwner = await signIn(t.app, other.email, other.password);
  });
  afterAll(() => t.drop());

  const etagOf = async (path: string) => (await request(t.app).get(path).expect(200)).headers.etag as string;
  const listingOf = async (agent: Agent) => {
    const ref = next();
    await agent.post('/api/premises?crs=3006').send(premisesFeature(ref, {}, point(E0 + seq, N0))).expect(201);
    return { ref, etag: await etagOf(`/api/premises/${ref}`) };
  };
  const premisesState = (x: Target) => one('select title, version, confirmed_at from premises where ref = $1', [x.ref]);
  const accountState = (x: Target) => one('select role, status, version from accounts where id = $1', [Number(x.id)]);

  const ENDPOINTS: Endpoint[] = [
    {
      name: 'POST /api/premises',
      allowed: ['owner', 'business', 'admin'],
      prepare: async () => ({ ref: next() }),
      call: (a, x) => a.post('/api/premises?crs=3006').send(premisesFeature(x.ref)),
      state: (x) => one('select ref from premises where ref = $1', [x.ref]),
    },
    {
      name: 'PATCH /api/premises/:ref (the owner’s own listing)',
      allowed: ['owner', 'business', 'admin'],
      prepare: () => listingOf(agents.owner),
      call: (a, x) => a.patch(`/api/premises/${x.ref}`).set('If-Match', x.etag).send({ type: 'Feature', properties: { title: 'Ändrad' } }),
      state: premisesState,
    },
    {
      name: 'PATCH /api/premises/:ref (another owner’s listing)',
      allowed: ['business', 'admin'],
      ownersRoute: true,
      prepare: () => listingOf(otherOwner),
      call: (a, x) => a.patch(`/api/premises/${x.ref}`).set('If-Match', x.etag).send({ type: 'Feature', properties: { status: 'withdrawn' } }),
      state: premisesState,
    },
    {
      name: 'POST /api/premises/:ref/confirm (the owner’s own listing)',
      allowed: ['owner', 'business', 'admin'],
      prepare: () => listingOf(agents.owner),
      call: (a, x) => a.post(`/api/premises/${x.ref}/confirm`),
      state: premisesState,
    },
    {
      name: 'POST /api/premises/:ref/confirm (another owner’s listing)',
      allowed: ['business', 'admin'],
      ownersRoute: true,
      prepare: () => listingOf(otherOwner),
      call: (a, x) => a.post(`/api/premises/${x.ref}/confirm`),
      state: premisesState,
    },
    {
      name: 'POST /api/plans',
      allowed: ['planner', 'admin'],
      prepare: async () => ({ ref: next() }),
      call: (a, x) => a.post('/api/plans?crs=3006').send(zoneFeature(x.ref, `DP-${x.ref}`)),
      state: (x) => one('select ref from plan_zones where ref = $1', [x.ref]),
    },
    {
      name: 'PATCH /api/plans/:ref',
      allowed: ['planner', 'admin'],
      prepare: async () => {
        const ref = next();
        await agents.planner.post('/api/plans?crs=3006').send(zoneFeature(ref, `DP-${ref}`, {}, square(E0 + 1000 + seq * 200, N0, 100))).expect(201);
        return { ref, etag: await etagOf(`/api/plans/${ref}`) };
      },
      call: (a, x) => a.patch(`/api/plans/${x.ref}`).set('If-Match', x.etag).send({ type: 'Feature', properties: { status: 'adopted' } }),
      state: (x) => one('select p.status, p.version, z.version as zv from plans p join plan_zones z using (plan_id) where z.ref = $1', [x.ref]),
    },
    {
      name: 'POST /api/land',
      allowed: ['business', 'admin'],
      prepare: async () => ({ ref: next() }),
      call: (a, x) => a.post('/api/land?crs=3006').send(landFeature(x.ref)),
      state: (x) => one('select ref from land_parcels where ref = $1', [x.ref]),
    },
    {
      name: 'PATCH /api/land/:ref',
      allowed: ['business', 'admin'],
      prepare: async () => {
        const ref = next();
        await agents.business.post('/api/land?crs=3006').send(landFeature(ref, {}, square(E0, N0 + 1000 + seq * 200, 100))).expect(201);
        return { ref, etag: await etagOf(`/api/land/${encodeURIComponent(ref)}`) };
      },
      call: (a, x) => a.patch(`/api/land/${x.ref}`).set('If-Match', x.etag).send({ type: 'Feature', properties: { status: 'sold' } }),
      state: (x) => one('select status, version from land_parcels where ref = $1', [x.ref]),
    },
    {
      name: 'POST /api/accounts',
      allowed: ['admin'],
      prepare: async () => ({ email: `${next().toLowerCase()}@example.test` }),
      call: (a, x) => a.post('/api/accounts').send({ email: x.email, password: 'a-long-password', name: 'Ny', role: 'planner' }),
      state: (x) => one('select id from accounts where email = $1', [x.email]),
    },
    {
      name: 'PATCH /api/accounts/:id (a staff account)',
      allowed: ['admin'],
      prepare: async () => {
        const a = await createAccount(t.db, { role: 'planner' });
        return { id: String(a.id), etag: '"1"' };
      },
      call: (a, x) => a.patch(`/api/accounts/${x.id}`).set('If-Match', x.etag).send({ role: 'business' }),
      state: accountState,
    },
    {
      name: 'PATCH /api/accounts/:id (an owner’s status)',
      allowed: ['business', 'admin'],
      prepare: async () => {
        const a = await createAccount(t.db, { role: 'owner' });
        return { id: String(a.id), etag: '"1"' };
      },
      call: (a, x) => a.patch(`/api/accounts/${x.id}`).set('If-Match', x.etag).send({ status: 'disabled' }),
      state: accountState,
    },
    {
      name: 'POST /api/accounts/:id/approve (a pending owner)',
      allowed: ['business', 'admin'],
      prepare: async () => ({ id: String((await createAccount(t.db, { role: 'owner', status: 'pending' })).id) }),
      call: (a, x) => a.post(`/api/accounts/${x.id}/approve`),
      state: accountState,
    },
  ];

  const READS: Array<{ name: string; allowed: Actor[]; path: string }> = [
    { name: 'GET /api/my/premises', allowed: ['pendingOwner', 'owner', 'business', 'admin'], path: '/api/my/premises' },
    { name: 'GET /api/accounts', allowed: ['business', 'admin'], path: '/api/accounts' },
    { name: 'GET /api/audit', allowed: ['business', 'admin'], path: '/api/audit' },
  ];

  const expectedStatus = (allowed: Actor[], actor: Actor) =>
    allowed.includes(actor) ? 'allowed' : actor === 'anonymous' ? 401 : 403;

  const rows = ENDPOINTS.flatMap((e) => ACTORS.map((actor) => [e.name, actor, expectedStatus(e.allowed, actor)] as const));

  test.each(rows)('when %s is called by %s, then %s', async (name, actor, expected) => {
    const e = ENDPOINTS.find((x) => x.name === name)!;
    const target = await e.prepare();
    const before = await e.state(target);
    const res = await e.call(agents[actor], target);
    if (expected === 'allowed') {
      expect([200, 201, 204]).toContain(res.status);
      expect(await e.state(target)).not.toEqual(before);
    } else {
      expect(res.status).toBe(expected);
      expect(res.body.code).toBe(expected === 401 ? 'unauthenticated' : actor === 'pendingOwner' && (e.ownersRoute || e.allowed.includes('owner')) ? 'account_pending' : 'forbidden');
      expect(await e.state(target)).toEqual(before);
    }
  });

  const readRows = READS.flatMap((r) => ACTORS.map((actor) => [r.name, actor, expectedStatus(r.allowed, actor)] as const));
  test.each(readRows)('when %s is called by %s, then %s', async (name, actor, expected) => {
    const r = READS.find((x) => x.name === name)!;
    const res = await agents[actor].get(r.path);
    expect(res.status).toBe(expected === 'allowed' ? 200 : expected);
  });

  test('when an owner lists their premises, then only their own listings come back', async () => {
    const mine = await listingOf(agents.owner);
    const theirs = await listingOf(otherOwner);
    const refs = (await agents.owner.get('/api/my/premises').expect(200)).body.features.map((f: { properties: { ref: string } }) => f.properties.ref);
    expect(refs).toContain(mine.ref);
    expect(refs).not.toContain(theirs.ref);
    const expected = await one('select count(*)::int as n from premises where owner_account_id = $1', [ownerId]);
    expect(refs.length).toBe(expected.n);
  });

  test('when the business unit lists accounts, then it sees owners only; asking for staff is 403', async () => {
    const res = await agents.business.get('/api/accounts').expect(200);
    expect(res.body.accounts.length).toBeGreaterThan(0);
    expect(new Set(res.body.accounts.map((a: { role: string }) => a.role))).toEqual(new Set(['owner']));
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon2/i);
    await agents.business.get('/api/accounts?role=admin').expect(403);
  });

  test('when the last active admin would be demoted, then 409 and the admin stays', async () => {
    const fresh = await createTestApp();
    try {
      const a = await createAccount(fresh.db, { role: 'admin' });
      const agent = await signIn(fresh.app, a.email, a.password);
      const res = await agent.patch(`/api/accounts/${a.id}`).set('If-Match', '"1"').send({ role: 'planner' }).expect(409);
      expect(res.body.code).toBe('last_admin');
      expect((await fresh.db.query('select role from accounts where id = $1', [a.id])).rows[0].role).toBe('admin');
    } finally {
      await fresh.drop();
    }
  });

  test('when a pending owner is approved, then they can publish', async () => {
    const p = await createAccount(t.db, { role: 'owner', status: 'pending' });
    const agent = await signIn(t.app, p.email, p.password);
    await agent.post('/api/premises?crs=3006').send(premisesFeature('M-PENDING')).expect(403);
    await agents.business.post(`/api/accounts/${p.id}/approve`).expect(200);
    await agent.post('/api/premises?crs=3006').send(premisesFeature('M-PENDING')).expect(201);
    const audit = await agents.business.get(`/api/audit?entity=account&ref=${p.id}`).expect(200);
    expect(audit.body.entries[0]).toMatchObject({ action: 'approve', before: { status: 'pending' }, after: { status: 'active' } });
  });
});
