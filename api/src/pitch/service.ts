import { areaProfiles, type AreaProfile } from '../areas/service';
import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { recordChange, type AuditActor } from '../audit/service';
import { AppError, badRequest, notFound } from '../errors/app-error';
import { assertCaseEditable, caseSites, caseUse, findCase } from '../cases/service';
import * as repo from './repository';
import { T, type Lang } from './texts';
import { IN_PROGRESS_PLAN_STATUSES } from '../layers/enums';

export type { Lang } from './texts';

/** 32 random bytes, base64url: 43 characters nobody can guess or enumerate. */
export const newToken = () => randomBytes(32).toString('base64url');
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const pageUrl = (token: string) => `/pitch.html?token=${token}`;
const withUrl = (l: repo.LinkRow) => ({ ...l, url: pageUrl(l.token), active: !l.revokedAt && new Date(l.expiresAt) > new Date() });

// The token is a credential: the audit trail names the link by id, never by token.
const auditView = ({ token: _token, ...l }: repo.LinkRow) => l;
const recordLinkChange = (tx: Queryable, actor: AuditActor | null, caseId: number, action: string, before: unknown, after: unknown) =>
  recordChange(tx, actor, { entity: 'case', ref: String(caseId), action, before, after });

async function existingCase(db: Queryable, caseId: number) {
  const c = await findCase(db, caseId);
  if (!c) throw notFound(`No case ${caseId}`);
  return c;
}

/** A new pitch link for sites the case has proposed. */
export async function createPitchLink(
  db: Db,
  caseId: number,
  body: { sites: repo.SiteChoice[]; expiresInDays: number; use?: string },
  actor: AuditActor | null,
) {
  const c = await existingCase(db, caseId);
  assertCaseEditable(c.stage);
  const proposed = new Set((await caseSites(db, caseId)).map((s) => `${s.kind}:${s.ref}`));
  const seen = new Set<string>();
  body.sites.forEach((s, i) => {
    const key = `${s.kind}:${s.ref}`;
    if (!proposed.has(key)) throw badRequest('site_not_proposed', `sites.${i}: ${s.kind} '${s.ref}' is not proposed in case ${caseId}`);
    if (seen.has(key)) throw badRequest('duplicate_site', `sites.${i}: ${s.kind} '${s.ref}' is listed twice`);
    seen.add(key);
  });
  const expiresAt = new Date(Date.now() + body.expiresInDays * 86_400_000);
  const use = body.use ?? (await caseUse(db, caseId));
  const link = await withTransaction(db, async (tx) => {
    const id = await repo.insertLink(tx, caseId, newToken(), body.sites, expiresAt, actor?.id ?? null, use);
    const row = (await repo.listLinks(tx, caseId, id))[0];
    await recordLinkChange(tx, actor, caseId, 'pitch_link_create', null, auditView(row));
    return row;
  });
  return withUrl(link);
}

export async function listPitchLinks(db: Queryable, caseId: number) {
  await existingCase(db, caseId);
  return (await repo.listLinks(db, caseId)).map(withUrl);
}

export async function revokePitchLink(db: Db, caseId: number, linkId: number, actor: AuditActor | null) {
  await existingCase(db, caseId);
  const link = await withTransaction(db, async (tx) => {
    const before = (await repo.listLinks(tx, caseId, linkId))[0];
    if (!(await repo.revokeLink(tx, caseId, linkId))) throw notFound(`Case ${caseId} has no pitch link ${linkId}`);
    const after = (await repo.listLinks(tx, caseId, linkId))[0];
    // Revoking twice keeps the first time: nothing changed, nothing logged.
    if (!before.revokedAt) await recordLinkChange(tx, actor, caseId, 'pitch_link_revoke', auditView(before), auditView(after));
    return after;
  });
  return withUrl(link);
}

const iso = (d: string | Date | null) => (d == null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * Plan readiness of a site. Land with a known use: rule 1 of matching (ready when zones of
 * in-force plans permit the use on part of it, in progress when only plans under way do).
 * Otherwise (premises, or no use): the plan of the largest zone on the site.
 */
function readiness(zoning: repo.ZoneFact[], fit: repo.SiteFactsRow['useFit']) {
  if (fit) {
    if (fit.readyM2 > 0) return { status: 'ready' as const, date: iso(fit.legalForceDate), planStatus: 'in_force', usableM2: fit.readyM2 };
    if (fit.progressM2 > 0) {
      const status = zoning.find((z) => (IN_PROGRESS_PLAN_STATUSES as readonly string[]).includes(z.status))?.status ?? 'consultation';
      return { status: 'in_progress' as const, date: iso(fit.readyDate), planStatus: status, usableM2: fit.progressM2 };
    }
    return { status: 'none' as const, date: null, planStatus: null, usableM2: 0 };
  }
  const inForce = zoning.find((z) => z.status === 'in_force');
  if (inForce) return { status: 'ready' as const, date: iso(inForce.legalForceDate), planStatus: 'in_force' };
  const progress = zoning.filter((z) => (IN_PROGRESS_PLAN_STATUSES as readonly string[]).includes(z.status));
  if (progress.length) {
    const dates = progress.map((z) => z.expectedLegalForceDate);
    // Ready when the last plan used is in force; unknown when any has no date (as matching rule 1).
    const date = dates.every((d) => d) ? (dates as string[]).sort().at(-1)! : null;
    return { status: 'in_progress' as const, date: iso(date), planStatus: progress[0].status };
  }
  if (zoning.some((z) => z.status === 'programme')) return { status: 'programme' as const, date: null, planStatus: 'programme' };
  return { status: 'none' as const, date: null, planStatus: null };
}

/** One site in plain words: the facts a company or investor asks first. */
function describeSite(s: repo.SiteFactsRow, n: number, lang: Lang, areaNames: Map<string, string>) {
  const t = T[lang];
  const ready = readiness(s.zoning, s.useFit);
  const usableM2 = 'usableM2' in ready ? (ready.usableM2 ?? 0) : 0;
  const usable = usableM2 > 0 && s.useFit ? t.usable(usableM2, t.uses[s.useFit.use] ?? s.useFit.use) : '';
  const zoning = s.zoning.map((z) => ({
    planId: z.planId,
    planName: z.planName,
    status: z.status,
    statusText: t.planStatus[z.status] ?? z.status,
    legalForceDate: iso(z.legalForceDate),
    expectedLegalForceDate: iso(z.expectedLegalForceDate),
    uses: (z.uses ?? []).map((u) => ({ code: u.code, name: lang === 'sv' ? u.sv : u.en })),
  }));
  const main = zoning[0];
  const facts: Array<{ key: string; label: string; text: string }> = [
    { key: 'size', label: t.labels.size, text: s.kind === 'land' ? t.sizeLand(s.sizeM2) : t.sizePremises(s.sizeM2, t.kinds[s.premisesKind ?? ''] ?? '') },
    {
      key: 'zoning',
      label: t.labels.zoning,
      text: main ? t.zoning(main.uses.map((u) => `${u.name} (${u.code})`).join(', '), `${main.planName} (${main.planId})`) : t.noPlan,
    },
    {
      key: 'readiness',
      label: t.labels.readiness,
      text:
        (ready.status === 'ready' ? t.ready(ready.date)
        : ready.status === 'in_progress' ? t.inProgress(t.planStatus[ready.planStatus!] ?? ready.planStatus!, ready.date)
        : ready.status === 'programme' ? t.programme
        : s.zoning.length === 0 ? t.noPlan // nothing loaded here: not "no plan permits", which would claim too much
        : s.useFit ? t.noReadinessFor(t.uses[s.useFit.use] ?? s.useFit.use)
        : t.noReadiness) + usable,
    },
    {
      key: 'transit',
      label: t.labels.transit,
      text: s.station ? t.station(t.distance(s.station.distanceM), s.station.name, t.modes[s.station.mode] ?? s.station.mode) : t.noStation,
    },
    s.kind === 'land'
      ? { key: 'price', label: t.labels.price, text: t.price(s.priceSekPerM2) }
      : { key: 'rent', label: t.labels.rent, text: t.rent(s.rentSekPerM2Year) },
  ];
  if (s.kind === 'premises') {
    facts.push({ key: 'available', label: t.labels.available, text: t.available(iso(s.availableFrom)) });
    if (s.address) facts.push({ key: 'address', label: t.labels.address, text: s.address });
  }
  return {
    number: n,
    kind: s.kind,
    ref: s.ref,
    name: s.name,
    kindText: s.kind === 'land' ? t.kinds.land : t.kinds[s.premisesKind ?? ''] ?? s.premisesKind,
    areaRef: s.areaRef,
    areaName: s.areaRef ? areaNames.get(s.areaRef) ?? null : null,
    sizeM2: s.sizeM2,
    priceSekPerM2: s.kind === 'land' ? s.priceSekPerM2 : null,
    rentSekPerM2Year: s.kind === 'premises' ? s.rentSekPerM2Year : null,
    availableFrom: iso(s.availableFrom),
    zoning,
    readiness: { status: ready.status, date: ready.date, ...(s.useFit ? { use: s.useFit.use, usableM2 } : {}) },
    station: s.station ? { ...s.station, modeText: t.modes[s.station.mode] ?? s.station.mode } : null,
    facts,
    illustrative: s.illustrative,
    geometry: s.geometry,
    point: s.point,
  };
}

const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The area's short, factual pitch: only the marketing keys of `facts` are passed on. */
function describeArea(a: AreaProfile, lang: Lang) {
  const f = a.facts ?? {};
  // Swedish under the plain key, English under `<key>En` (as profile / profileEn).
  const inLang = (key: string): unknown => (lang === 'en' && f[`${key}En`] !== undefined ? f[`${key}En`] : f[key]);
  const profile = lang === 'en' && typeof f.profileEn === 'string' ? f.profileEn : a.profile;
  const transit = inLang('transit');
  return {
    ref: a.ref,
    name: a.name,
    profile,
    strengths: stringList(inLang('strengths')),
    anchors: stringList(f.anchors),
    transit: typeof transit === 'string' ? transit : null,
    roads: typeof f.roads === 'string' ? f.roads : null,
    illustrative: a.illustrative,
  };
}

export type Pitch = Awaited<ReturnType<typeof viewPitch>>;

/**
 * The public pitch behind a token, counted as a view. 404 unknown, 410 revoked or expired.
 * Built from the sites' public layer data only: nothing of the case (contacts, notes) is read.
 */
export async function viewPitch(db: Queryable, token: string, lang: Lang) {
  if (!TOKEN_PATTERN.test(token)) throw notFound('No such pitch link');
  const link = await repo.viewLink(db, token);
  if (!link) throw notFound('No such pitch link');
  if (link.revokedAt) throw new AppError(410, 'pitch_revoked', 'This pitch link has been withdrawn by the municipality / Länken har dragits tillbaka');
  if (link.expired) throw new AppError(410, 'pitch_expired', 'This pitch link has expired / Länken har gått ut');
  const rows = await repo.siteFacts(db, link.sites, link.use);
  const areas = await areaProfiles(db, [...new Set(rows.map((r) => r.areaRef).filter((r): r is string => !!r))]);
  const names = new Map(areas.map((a) => [a.ref, a.name]));
  const sites = rows.map((r, i) => describeSite(r, i + 1, lang, names));
  const t = T[lang];
  return {
    lang,
    title: t.title,
    intro: t.intro,
    expiresAt: link.expiresAt,
    illustrative: sites.some((s) => s.illustrative) || areas.some((a) => a.illustrative),
    illustrativeText: t.illustrative,
    labels: { expires: t.expires, site: t.site, areas: t.areas, print: t.print, pdf: t.pdf },
    sites,
    areas: areas.map((a) => describeArea(a, lang)),
  };
}
