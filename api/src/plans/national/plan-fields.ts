import type { PlanStatus } from '../../layers/enums';
import type { NationalStatus, PlanProperties } from './document';

/** docs/design.md's status table: the national codelist → Etablera's statuses. */
export const STATUS_FROM_NATIONAL: Record<NationalStatus, PlanStatus> = {
  påbörjad: 'started',
  samråd: 'consultation',
  granskning: 'review',
  antagen: 'adopted',
  överklagad: 'appealed',
  tillsyn: 'supervision',
  'laga kraft': 'in_force',
  upphävd: 'cancelled',
  avslutad: 'discontinued',
};

/** And back, for export; `programme` has no national value (a planprogram is supporting material). */
export const NATIONAL_FROM_STATUS = Object.fromEntries(
  Object.entries(STATUS_FROM_NATIONAL).map(([n, s]) => [s, n]),
) as Partial<Record<PlanStatus, NationalStatus>>;

/** What Etablera stores of a plan object and its beslutsinformation. */
export interface NationalPlanFields {
  nationalId: string;
  nationalVersion: number;
  versionValidFrom: string;
  name: string;
  designation: string | null;
  municipalityName: string;
  purpose: string;
  planType: string;
  status: PlanStatus;
  statusChangedAt: string | null;
  diaryNumber: string | null;
  startedDate: string | null;
  adoptedDate: string | null;
  legalForceDate: string | null;
  implementationStartDate: string | null;
  implementationMonths: number | null;
  implementationEndDate: string | null;
  geometryMetadata: Record<string, unknown> | null;
}

/** 2026-03-31 + 1 month → 2026-04-30 (the month's last day when the day does not exist). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

const latest = (xs: Array<string | undefined>) => xs.filter((x): x is string => !!x).sort().at(-1) ?? null;
const earliest = (xs: Array<string | undefined>) => xs.filter((x): x is string => !!x).sort()[0] ?? null;

/**
 * The plan's fields from its object and decisions. Several decisions: the earliest start,
 * the latest adoption and legal force (a plan partly appealed gains force in parts; the
 * whole is in force at the last date), the implementation period of the latest decision
 * that states one. genomförandetid is read as months (format notes §1.4, unit inferred).
 */
export function nationalPlanFields(p: PlanProperties): NationalPlanFields {
  const decisions = p.beslutsinformation;
  const withPeriod = decisions.filter((b) => b.genomforandetid !== undefined && b.genomforandetidStartar).at(-1);
  const start = withPeriod?.genomforandetidStartar ?? null;
  const months = withPeriod?.genomforandetid ?? null;
  return {
    nationalId: p.objektidentitet,
    nationalVersion: p.objektversion ?? 1,
    versionValidFrom: new Date(p.versionGiltigFran).toISOString(),
    name: p.namn,
    designation: p.beteckning ?? null,
    municipalityName: p.kommun,
    purpose: p.syfte,
    planType: p.typ,
    status: STATUS_FROM_NATIONAL[p.status],
    statusChangedAt: p.datumStatusforandring ?? null,
    diaryNumber: decisions.find((b) => b.diarienummerKommun)?.diarienummerKommun ?? null,
    startedDate: earliest(decisions.map((b) => b.datumPaborjat)),
    adoptedDate: latest(decisions.map((b) => b.datumAntagande)),
    legalForceDate: latest(decisions.flatMap((b) => b.datumLagakraft ?? [])),
    implementationStartDate: start,
    implementationMonths: months,
    implementationEndDate: start && months ? addMonths(start, months) : null,
    geometryMetadata: (p.plangeometri[0]?.geometrimetadata as Record<string, unknown>) ?? null,
  };
}
