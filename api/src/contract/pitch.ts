/** Investor pitch links (docs: Cases and KPIs, Pitch): staff make them, anyone with the token reads. */
import { z } from 'zod';
import { LANGS, MATCH_USES, PITCH_READINESS, PLAN_STATUSES, SITE_KINDS, STOP_MODES } from './enums';
import { geometry, idParams } from './common';
import { json, type Endpoint } from './endpoint';

export const siteChoice = z.strictObject({ kind: z.enum(SITE_KINDS), ref: z.string().trim().min(1).max(200) });
export type SiteChoice = z.output<typeof siteChoice>;

export const createLinkBody = z.strictObject({
  sites: z.array(siteChoice).min(1, 'pick at least one site').max(20, 'at most 20 sites'),
  expiresInDays: z.number().int().min(1, 'must be 1–180').max(180, 'must be 1–180').default(30),
  /** the company's use; default: the use of the case's first saved request */
  use: z.enum(MATCH_USES).optional(),
});

export const pitchQuery = z.strictObject({ lang: z.enum(LANGS).default('sv') });

const dateTime = z.string().meta({ format: 'date-time' });
export const pitchLink = z.object({
  id: z.number().int(), caseId: z.number().int(), token: z.string(), sites: z.array(siteChoice), use: z.enum(MATCH_USES).nullable(),
  expiresAt: dateTime, revokedAt: dateTime.nullable(), views: z.number().int(), lastViewedAt: dateTime.nullable(),
  createdBy: z.number().nullable(), createdAt: dateTime, url: z.string(), active: z.boolean(),
});
export type PitchLink = z.output<typeof pitchLink>;

export const pitchFact = z.object({ key: z.string(), label: z.string(), text: z.string() });
export const pitchSite = z.object({
  number: z.number().int(),
  kind: z.enum(SITE_KINDS),
  ref: z.string(),
  name: z.string(),
  kindText: z.string(),
  areaRef: z.string().nullable(),
  areaName: z.string().nullable(),
  sizeM2: z.number().nullable(),
  priceSekPerM2: z.number().nullable(),
  rentSekPerM2Year: z.number().nullable(),
  availableFrom: z.string().nullable(),
  zoning: z.array(z.object({
    planId: z.string(), planName: z.string(), status: z.enum(PLAN_STATUSES), statusText: z.string(),
    legalForceDate: z.string().nullable(), expectedLegalForceDate: z.string().nullable(),
    uses: z.array(z.object({ code: z.string(), name: z.string() })),
  })),
  readiness: z.object({ status: z.enum(PITCH_READINESS), date: z.string().nullable(), use: z.enum(MATCH_USES).optional(), usableM2: z.number().optional() }),
  station: z.object({ name: z.string(), mode: z.enum(STOP_MODES), distanceM: z.number(), modeText: z.string() }).loose().nullable(),
  facts: z.array(pitchFact),
  illustrative: z.boolean(),
  geometry,
  point: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
});
export type PitchSite = z.output<typeof pitchSite>;
export const pitchArea = z.object({
  ref: z.string(), name: z.string(), profile: z.string().nullable(), strengths: z.array(z.string()), anchors: z.array(z.string()),
  transit: z.string().nullable(), roads: z.string().nullable(), illustrative: z.boolean(),
});
export type PitchArea = z.output<typeof pitchArea>;
export const pitchResponse = z.object({
  lang: z.enum(LANGS),
  title: z.string(),
  intro: z.string(),
  expiresAt: dateTime,
  illustrative: z.boolean(),
  illustrativeText: z.string(),
  labels: z.object({ expires: z.string(), site: z.string(), areas: z.string(), print: z.string(), pdf: z.string() }),
  sites: z.array(pitchSite),
  areas: z.array(pitchArea),
});
export type Pitch = z.output<typeof pitchResponse>;

const token = z.object({ token: z.string() });

export const pitchEndpoints: Endpoint[] = [
  {
    method: 'get', path: '/api/cases/{id}/pitch-links', tags: ['cases'], summary: "A case's pitch links with views", operationId: 'listPitchLinks',
    request: { params: idParams('id') }, responses: { 200: { description: '{ links }', content: json(z.object({ links: z.array(pitchLink) })) } }, errors: [400, 401, 403, 404],
  },
  {
    method: 'post', path: '/api/cases/{id}/pitch-links', tags: ['cases'], summary: 'A shareable read-only link to some of the proposed sites', operationId: 'createPitchLink',
    request: { params: idParams('id'), body: { schema: createLinkBody } },
    responses: { 201: { description: '{ id, token, url, expiresAt, views, active }', content: json(pitchLink) } }, errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post', path: '/api/cases/{id}/pitch-links/{linkId}/revoke', tags: ['cases'], summary: 'Revoke a pitch link', operationId: 'revokePitchLink',
    request: { params: idParams('id', 'linkId') }, responses: { 200: { description: 'The revoked link', content: json(pitchLink) } }, errors: [400, 401, 403, 404],
  },
  {
    method: 'get', path: '/api/pitch/{token}', tags: ['pitch'], summary: 'The public pitch (no personal data); counts a view', operationId: 'getPitch',
    request: { params: token, query: pitchQuery },
    responses: { 200: { description: '{ lang, title, sites: [{ name, facts, zoning, readiness, station, geometry }], areas }', content: json(pitchResponse) } },
    errors: [400, 404, 410],
  },
  {
    method: 'get', path: '/api/pitch/{token}/pdf', tags: ['pitch'], summary: 'The pitch as an A4 PDF (headless Chromium)', operationId: 'getPitchPdf',
    request: { params: token, query: pitchQuery },
    responses: { 200: { description: 'PDF', content: { 'application/pdf': undefined } } },
    errors: [400, 404, 410, 429],
  },
];
