import type { Queryable } from '../db/pool';
import type { SiteKind } from '../contract/enums';
import { sqlFile } from '../db/sql-file';

const q = (name: string) => sqlFile(__dirname, name);

export interface SiteChoice {
  kind: SiteKind;
  ref: string;
}

export interface LinkRow {
  id: number;
  caseId: number;
  token: string;
  sites: SiteChoice[];
  use: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  views: number;
  lastViewedAt: Date | null;
  createdBy: number | null;
  createdAt: Date;
}

export async function insertLink(db: Queryable, caseId: number, token: string, sites: SiteChoice[], expiresAt: Date, by: number | null, use: string | null): Promise<number> {
  return (await db.query(q('insert-link.sql'), [caseId, token, JSON.stringify(sites), expiresAt, by, use])).rows[0].id;
}

export async function listLinks(db: Queryable, caseId: number, linkId: number | null = null): Promise<LinkRow[]> {
  return (await db.query(q('list-links.sql'), [caseId, linkId])).rows;
}

export async function revokeLink(db: Queryable, caseId: number, linkId: number): Promise<boolean> {
  return (await db.query(q('revoke-link.sql'), [caseId, linkId])).rowCount === 1;
}

export interface ViewRow {
  sites: SiteChoice[];
  use: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  expired: boolean;
  views: number | null;
}
export async function viewLink(db: Queryable, token: string): Promise<ViewRow | undefined> {
  return (await db.query(q('view-link.sql'), [token])).rows[0];
}

export interface ZoneFact {
  planId: string;
  planName: string;
  status: string;
  legalForceDate: string | null;
  expectedLegalForceDate: string | null;
  useCodes: string[];
  uses: Array<{ code: string; sv: string; en: string }> | null;
  coverM2: number;
}
export interface SiteFactsRow {
  kind: SiteKind;
  ref: string;
  name: string;
  sizeM2: number;
  priceSekPerM2: number | null;
  rentSekPerM2Year: number | null;
  availableFrom: string | null;
  address: string | null;
  premisesKind: string | null;
  areaRef: string | null;
  status: string;
  ownerType: string | null;
  illustrative: boolean;
  geometry: unknown;
  point: { type: 'Point'; coordinates: [number, number] };
  zoning: ZoneFact[];
  station: { name: string; mode: string; distanceM: number } | null;
  useFit: { use: string; readyM2: number; progressM2: number; readyDate: string | null; legalForceDate: string | null } | null;
}
export async function siteFacts(db: Queryable, sites: SiteChoice[], use: string | null): Promise<SiteFactsRow[]> {
  return (await db.query(q('site-facts.sql'), [JSON.stringify(sites), use])).rows;
}

