// The soft criteria of the ranking: each turns a candidate into a score in [0, 1] and one
// English sentence saying why. README.md documents the formulas; keep the two in step.
import type { Candidate, ZoningPlan } from './repository';
import type { MatchRequest } from './schema';

export interface Scored {
  score: number;
  detail: string;
}

/** Transit scores fall linearly to 0 at this distance when the request sets no limit. */
export const TRANSIT_REACH_M = 2000;
/** Waiting time over which the timing score falls to its floor. */
export const TIMING_HORIZON_DAYS = 5 * 365;
/** Score of a price nobody stated: neither rewarded nor punished. */
export const NEUTRAL = 0.5;

const MODE_NAMES: Record<string, string> = { commuter_rail: 'commuter rail', metro: 'metro', tram: 'tram', bus: 'bus' };
const STATUS_PHRASES: Record<string, string> = {
  consultation: 'in consultation (samråd)',
  review: 'under review (granskning)',
  adopted: 'adopted, awaiting legal force (antagen)',
  appealed: 'adopted and appealed (överklagad)',
  supervision: 'adopted, under the county board\'s supervision (tillsyn)',
};

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const m2 = (x: number) => `${Math.round(x).toLocaleString('en-GB')} m²`;
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** Nearer is better: 1 at the stop, 0 at the request's limit (or TRANSIT_REACH_M). */
export function transitScore(c: Candidate, r: MatchRequest): Scored {
  const modes = r.stationModes.map((m) => MODE_NAMES[m]).join(', ');
  if (!c.transit) return { score: 0, detail: `no stop served by ${modes}` };
  const t = c.transit;
  const reach = r.maxDistanceToStationM ?? TRANSIT_REACH_M;
  const score = reach > 0 ? clamp01(1 - t.distanceM / reach) : t.distanceM <= 0 ? 1 : 0;
  const planned = t.planned ? `, planned${t.openingYear ? `, opening ${t.openingYear}` : ''}` : '';
  return { score, detail: `${Math.round(t.distanceM)} m to ${t.name} (${MODE_NAMES[t.mode]}${planned})` };
}

/** The share of the site the company needs: 1 when it fits exactly, less the more is left over. */
export function sizeScore(c: Candidate, r: MatchRequest): Scored {
  const score = c.usableAreaM2 > 0 ? clamp01(r.minAreaM2 / c.usableAreaM2) : 0;
  const needs = r.maxAreaM2 !== undefined ? `${m2(r.minAreaM2)}–${m2(r.maxAreaM2)}` : `at least ${m2(r.minAreaM2)}`;
  const what = c.kind === 'land' ? 'usable for the use' : 'floor area';
  return { score, detail: `${m2(c.usableAreaM2)} ${what}; needs ${needs} (${Math.round(score * 100)} % of it)` };
}

function zoningText(plans: ZoningPlan[]): string {
  const parts = plans.map((p) => {
    const codes = p.codes.map((x) => `${x.code} ${x.name}`).join(', ');
    const when =
      p.status === 'in_force'
        ? `in force since ${p.legalForceDate}`
        : `${STATUS_PHRASES[p.status] ?? p.status}, legal force ${p.expectedLegalForceDate ? `expected ${p.expectedLegalForceDate}` : 'date not known'}`;
    return `${codes}, ${when}${plans.length > 1 ? ` (${p.planName})` : ''}`;
  });
  return `zoned ${parts.join('; ')}`;
}

/**
 * Sooner is better, and in force beats in the pipeline: ready now 1; ready later (premises
 * available from a future date) 0.6–1; in progress with a known date 0.2–0.6; in progress
 * with no date 0.1. Within a band the score falls linearly over TIMING_HORIZON_DAYS.
 */
export function readinessScore(c: Candidate, today: string): Scored {
  const wait = c.readyDate ? Math.max(0, daysBetween(today, c.readyDate)) : 0;
  const sooner = clamp01(1 - wait / TIMING_HORIZON_DAYS);
  if (c.kind === 'premises') {
    if (wait === 0) return { score: 1, detail: 'available now' };
    return { score: 0.6 + 0.4 * sooner, detail: `available from ${c.readyDate}` };
  }
  const zoning = zoningText(c.zoning ?? []);
  if (c.readiness === 'ready') return { score: 1, detail: zoning };
  if (!c.readyDate) return { score: 0.1, detail: `${zoning}; the usable area needs plans not yet in force, date not known` };
  return { score: 0.2 + 0.4 * sooner, detail: `${zoning}; the usable area needs plans not yet in force, expected ${c.readyDate}` };
}

/** Cheaper is better, relative to the cheapest candidate of the same kind; unknown is neutral. */
export function priceScore(c: Candidate, cheapest: number | undefined): Scored {
  const unit = c.kind === 'land' ? 'SEK/m²' : 'SEK/m² a year';
  const what = c.kind === 'land' ? 'price' : 'rent';
  if (c.price === null || c.price === undefined || cheapest === undefined) {
    return { score: NEUTRAL, detail: `${what} not stated (neutral)` };
  }
  const score = c.price <= 0 ? 1 : clamp01(cheapest / c.price);
  const amount = (x: number) => `${Math.round(x).toLocaleString('en-GB')} ${unit}`;
  return { score, detail: `${what} ${amount(c.price)}; lowest among the ${c.kind} candidates ${amount(cheapest)}` };
}
