// Words for unmet demand: size bands and the one-line summary a planner reads per row.
import type { ExclusionReason, MatchUse, SizeBand } from '../contract/enums';
export { SIZE_BANDS, type SizeBand } from '../contract/enums';

/** docs/design.md's bands of minAreaM2; a bound belongs to the band above it. */
export function sizeBand(minAreaM2: number): SizeBand {
  if (minAreaM2 < 5000) return '<5000';
  if (minAreaM2 < 20000) return '5000-20000';
  if (minAreaM2 < 50000) return '20000-50000';
  return '>=50000';
}

const BAND_TEXT: Record<SizeBand, { sv: string; en: string }> = {
  '<5000': { sv: 'under 5 000 m²', en: 'under 5 000 m²' },
  '5000-20000': { sv: 'på 5 000–20 000 m²', en: 'of 5 000–20 000 m²' },
  '20000-50000': { sv: 'på 20 000–50 000 m²', en: 'of 20 000–50 000 m²' },
  '>=50000': { sv: 'på 50 000 m² eller mer', en: 'of 50 000 m² or more' },
};
const USE_TEXT: Record<MatchUse, { sv: string; en: string }> = {
  office: { sv: 'kontor', en: 'office' },
  retail: { sv: 'handel', en: 'retail' },
  industry: { sv: 'industri', en: 'industry' },
  logistics: { sv: 'logistik', en: 'logistics' },
  lab: { sv: 'labb', en: 'lab' },
};
// Keyed by the contract's enums: a new reason or use without words fails tsc here.
const REASON_TEXT: Record<ExclusionReason | 'none', { sv: string; en: string }> = {
  wrongUse: { sv: 'att ingen inläst detaljplan medger användningen', en: 'zoning (no loaded detailed plan permits the use)' },
  tooSmall: { sv: 'storleken (för liten yta)', en: 'size (too small)' },
  tooLarge: { sv: 'storleken (för stor yta)', en: 'size (too large)' },
  notReadyInTime: { sv: 'tiden (planen vinner inte laga kraft i tid)', en: 'timing (plan not in force in time)' },
  tooFarFromTransit: { sv: 'avståndet till kollektivtrafik', en: 'distance to transit' },
  notAvailable: { sv: 'att marken eller lokalen inte är ledig', en: 'availability' },
  outsideAreas: { sv: 'att det önskade området saknar mark', en: 'the preferred area' },
  none: { sv: 'att det inte finns någon kandidat alls', en: 'having no candidate at all' },
};

export interface SummaryInput {
  use: string;
  sizeBand: SizeBand;
  areaName: string | null;
  /** 0..1 of all saved requests of this use, band and area. */
  share: number;
  reason: string | null;
}

/** "82% of logistics requests of 20 000–50 000 m² in Länna fail on size (too small)", and in Swedish. */
export function summarise(s: SummaryInput): { sv: string; en: string } {
  const pct = Math.round(s.share * 100);
  const use = USE_TEXT[s.use as MatchUse] ?? { sv: s.use, en: s.use };
  const band = BAND_TEXT[s.sizeBand];
  const reason = REASON_TEXT[(s.reason ?? 'none') as ExclusionReason | 'none'] ?? { sv: s.reason!, en: s.reason! };
  const whereSv = s.areaName ? ` i ${s.areaName}` : ' utan önskat område';
  const whereEn = s.areaName ? ` in ${s.areaName}` : ' with no preferred area';
  return {
    sv: `${pct} % av förfrågningarna om ${use.sv} ${band.sv}${whereSv} stoppas av ${reason.sv}`,
    en: `${pct}% of ${use.en} requests ${band.en}${whereEn} fail on ${reason.en}`,
  };
}
