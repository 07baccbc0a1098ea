// Hand-made (illustrative) layout of each area: the plot grain of each block and the detailed
// plans that zone the blocks. Block numbers are the 1-based reading order of site.ts.
import type { AreaRef } from './areas';

export type Grain = 'fine' | 'medium' | 'coarse';
export type PlanStatus = 'programme' | 'consultation' | 'review' | 'adopted' | 'in_force' | 'cancelled';

/** Split thresholds per grain (m²): a plot is split while larger than a draw from the range. */
export const GRAIN_SPLIT: Record<Grain, [number, number]> = {
  fine: [6000, 16000],
  medium: [15000, 35000],
  coarse: [50000, 120000],
};

export interface ZoneSpec {
  block: number;
  /** Only one side of the block's split line: a = left, b = right. */
  part?: 'a' | 'b';
  useCodes: string[];
  /** Exploitation ratio (gross floor area / zone area) → maxGrossFloorAreaM2; omitted = none. */
  e?: number;
  maxHeightM?: number;
}

export interface PlanSpec {
  planId: string;
  planName: string;
  status: PlanStatus;
  legalForceDate?: string;
  /** Genomförandetid in years from legalForceDate. */
  implYears?: number;
  expectedLegalForceDate?: string | null;
  /** Date the plan entered its status; defaults to legalForceDate for in-force plans. */
  statusChangedAt?: string;
  zones: ZoneSpec[];
}

export interface AreaLayout {
  grains: Grain[];
  /** Blocks held by one kind of owner (built-out campus, hospital, store), mostly not for sale. */
  heldBy?: Record<number, 'private' | 'state' | 'other'>;
  /** The use codes that make a parcel "ready" for the area's main use. */
  mainUse: string[];
  plans: PlanSpec[];
}

export const LAYOUTS: Record<AreaRef, AreaLayout> = {
  lanna: {
    grains: ['coarse', 'coarse', 'coarse', 'coarse', 'medium', 'medium', 'coarse', 'coarse', 'medium'],
    mainUse: ['J', 'Z'],
    plans: [
      {
        planId: 'HUDD-DP-1998-007', planName: 'Detaljplan för Länna industriområde', status: 'in_force',
        legalForceDate: '1999-03-12', implYears: 10,
        zones: [
          { block: 9, useCodes: ['J'], e: 0.6, maxHeightM: 12 },
          { block: 8, useCodes: ['J', 'Z'], e: 0.5, maxHeightM: 14 },
        ],
      },
      {
        planId: 'HUDD-DP-2012-021', planName: 'Detaljplan för Länna industriområde, etapp 2', status: 'in_force',
        legalForceDate: '2014-06-18', implYears: 13,
        zones: [
          { block: 7, part: 'a', useCodes: ['J1'], e: 0.7, maxHeightM: 18 },
          { block: 7, part: 'b', useCodes: ['Z'], e: 0.6, maxHeightM: 12 },
        ],
      },
      {
        planId: 'HUDD-DP-2017-009', planName: 'Detaljplan för verksamheter vid Lännavägen', status: 'in_force',
        legalForceDate: '2019-11-05', implYears: 5,
        zones: [
          { block: 5, useCodes: ['Z'], e: 0.6, maxHeightM: 12 },
          { block: 4, useCodes: ['Z', 'K'], e: 0.8 },
        ],
      },
      {
        planId: 'HUDD-DP-2021-014', planName: 'Detaljplan för Länna norra, verksamhetsmark', status: 'review',
        expectedLegalForceDate: '2027-06-30', statusChangedAt: '2026-09-14',
        zones: [
          { block: 3, useCodes: ['J', 'Z'], e: 0.6, maxHeightM: 18 },
          { block: 1, useCodes: ['J'], e: 0.6, maxHeightM: 15 },
        ],
      },
      {
        planId: 'HUDD-DP-2023-031', planName: 'Detaljplan för Länna logistikpark, etapp 1', status: 'consultation',
        expectedLegalForceDate: '2028-03-31', statusChangedAt: '2026-05-20',
        zones: [{ block: 6, part: 'a', useCodes: ['J1'], e: 0.55, maxHeightM: 20 }],
      },
      {
        planId: 'HUDD-PP-2024-002', planName: 'Planprogram för Länna – utveckling av verksamhetsområdet', status: 'programme',
        expectedLegalForceDate: '2030-06-30', statusChangedAt: '2025-02-11',
        zones: [{ block: 2, useCodes: ['J', 'Z', 'H'] }],
      },
    ],
  },
  flemingsberg: {
    grains: ['medium', 'coarse', 'coarse', 'medium', 'medium', 'medium', 'medium', 'fine', 'medium', 'medium'],
    heldBy: { 2: 'other', 3: 'state' },
    mainUse: ['K'],
    plans: [
      {
        planId: 'HUDD-DP-2002-118', planName: 'Detaljplan för Karolinska universitetssjukhuset Huddinge', status: 'in_force',
        legalForceDate: '2004-05-27', implYears: 15,
        zones: [
          { block: 2, useCodes: ['D1'], e: 1.2, maxHeightM: 45 },
          { block: 1, useCodes: ['D', 'K'], e: 1.5, maxHeightM: 32 },
        ],
      },
      {
        planId: 'HUDD-DP-2008-044', planName: 'Detaljplan för Södertörns högskola och campus Flemingsberg', status: 'in_force',
        legalForceDate: '2010-02-16', implYears: 10,
        zones: [
          { block: 3, useCodes: ['S1'], e: 1.4, maxHeightM: 30 },
          { block: 7, useCodes: ['K', 'J'], e: 1.6, maxHeightM: 28 },
        ],
      },
      {
        planId: 'HUDD-DP-2018-027', planName: 'Detaljplan för Flemingsbergs centrum, kvarteret Stationen', status: 'in_force',
        legalForceDate: '2021-04-22', implYears: 7,
        zones: [
          { block: 5, part: 'a', useCodes: ['C'], e: 2.5, maxHeightM: 40 },
          { block: 5, part: 'b', useCodes: ['K'], e: 2.2, maxHeightM: 36 },
        ],
      },
      {
        planId: 'HUDD-DP-2020-035', planName: 'Detaljplan för life science-kvarteret, Flemingsberg södra', status: 'adopted',
        expectedLegalForceDate: '2027-01-15', statusChangedAt: '2026-10-05',
        zones: [{ block: 9, useCodes: ['K', 'J1'], e: 1.8, maxHeightM: 30 }],
      },
      {
        planId: 'HUDD-DP-2022-012', planName: 'Detaljplan för Flemingsberg östra, kontor och centrum', status: 'review',
        expectedLegalForceDate: '2027-10-01', statusChangedAt: '2026-06-02',
        zones: [
          { block: 4, useCodes: ['K', 'C'], e: 2.0, maxHeightM: 34 },
          { block: 6, useCodes: ['K'], e: 1.6 },
        ],
      },
      {
        planId: 'HUDD-DP-2024-008', planName: 'Detaljplan för campus Flemingsberg, etapp 3', status: 'consultation',
        // Deliberately unknown: shows the "unknown" bucket of readiness (docs/design.md).
        expectedLegalForceDate: null, statusChangedAt: '2026-03-17',
        zones: [{ block: 10, useCodes: ['S', 'K'], e: 1.5, maxHeightM: 26 }],
      },
      {
        planId: 'HUDD-PP-2023-004', planName: 'Planprogram för Flemingsberg – regional stadskärna', status: 'programme',
        expectedLegalForceDate: null, statusChangedAt: '2024-04-09',
        zones: [{ block: 8, part: 'b', useCodes: ['B', 'C', 'K'] }],
      },
    ],
  },
  'kungens-kurva': {
    grains: ['medium', 'coarse', 'coarse', 'medium', 'medium', 'fine', 'medium', 'medium', 'medium'],
    heldBy: { 2: 'private' },
    mainUse: ['H', 'C'],
    plans: [
      {
        planId: 'HUDD-DP-1994-031', planName: 'Detaljplan för Kungens kurva handelsområde', status: 'in_force',
        legalForceDate: '1996-09-10', implYears: 10,
        zones: [
          { block: 2, useCodes: ['H'], e: 0.8, maxHeightM: 20 },
          { block: 3, useCodes: ['H', 'P'], e: 0.5, maxHeightM: 15 },
        ],
      },
      {
        planId: 'HUDD-DP-2013-016', planName: 'Detaljplan för Kungens kurva centrum', status: 'in_force',
        legalForceDate: '2016-03-24', implYears: 10,
        zones: [
          { block: 4, part: 'a', useCodes: ['C'], e: 1.2, maxHeightM: 24 },
          { block: 4, part: 'b', useCodes: ['H1'], e: 0.7, maxHeightM: 16 },
        ],
      },
      {
        planId: 'HUDD-DP-2017-040', planName: 'Detaljplan för Kungens kurva östra, handel och kontor', status: 'in_force',
        legalForceDate: '2019-12-11', implYears: 8,
        zones: [
          { block: 5, useCodes: ['H', 'K'], e: 1.0, maxHeightM: 22 },
          { block: 8, useCodes: ['H'], e: 0.7, maxHeightM: 16 },
        ],
      },
      {
        planId: 'HUDD-DP-2021-029', planName: 'Detaljplan för Kungens kurva, kvarteret Ekgården', status: 'review',
        expectedLegalForceDate: '2027-09-30', statusChangedAt: '2026-08-25',
        zones: [{ block: 1, useCodes: ['C', 'K'], e: 1.6, maxHeightM: 30 }],
      },
      {
        planId: 'HUDD-DP-2023-015', planName: 'Detaljplan för Kungens kurva södra vid Spårväg syd', status: 'consultation',
        expectedLegalForceDate: '2029-06-30', statusChangedAt: '2026-04-14',
        zones: [
          { block: 7, useCodes: ['C', 'K'], e: 1.8, maxHeightM: 32 },
          { block: 9, useCodes: ['H', 'C'], e: 1.2, maxHeightM: 24 },
        ],
      },
      {
        planId: 'HUDD-PP-2022-001', planName: 'Planprogram för Kungens kurva – från handelsplats till stadsdel', status: 'programme',
        expectedLegalForceDate: null, statusChangedAt: '2023-06-13',
        zones: [{ block: 6, part: 'a', useCodes: ['C', 'K', 'B'] }],
      },
      {
        // Replaced by HUDD-DP-2023-015 (its zone overlaps block 9 of that plan on purpose).
        planId: 'HUDD-DP-1987-012', planName: 'Detaljplan för handel vid Kungens kurvaleden', status: 'cancelled',
        legalForceDate: '1988-05-03', statusChangedAt: '2022-05-10',
        zones: [{ block: 9, useCodes: ['H'], e: 0.5, maxHeightM: 12 }],
      },
    ],
  },
};

/** In-progress statuses counted by matching rule 1 (docs/design.md). */
export const IN_PROGRESS: PlanStatus[] = ['consultation', 'review', 'adopted'];
