// Plain unit tests of the matching criteria (no database): each score and its sentence.
import { NEUTRAL, priceScore, readinessScore, sizeScore, TIMING_HORIZON_DAYS, TRANSIT_REACH_M, transitScore } from '../../api/src/matching/criteria';
import type { Candidate } from '../../api/src/matching/repository';
import { matchRequestSchema } from '../../api/src/matching/schema';

const request = (extra: Record<string, unknown> = {}) => matchRequestSchema.parse({ use: 'logistics', minAreaM2: 1000, ...extra });

const candidate = (c: Partial<Candidate> = {}): Candidate => ({
  kind: 'land', ref: 'L1', areaRef: 'lanna', usableAreaM2: 4000, readiness: 'ready', readyDate: null, planIds: [],
  price: null, transit: null, geometry: { type: 'Point', coordinates: [18, 59.2] }, ...c,
});

const stop = (distanceM: number, planned = false, openingYear: number | null = null) => ({
  ref: 's1', name: 'Flemingsberg', mode: 'commuter_rail', distanceM, planned, openingYear,
}) as Candidate['transit'];

describe('transitScore', () => {
  test('when the site is at the stop, then the score is 1 and the sentence names the stop and mode', () => {
    expect(transitScore(candidate({ transit: stop(0) }), request())).toEqual({ score: 1, detail: '0 m to Flemingsberg (commuter rail)' });
  });
  test('when the request sets no limit, then the score falls linearly to 0 at TRANSIT_REACH_M', () => {
    expect(transitScore(candidate({ transit: stop(TRANSIT_REACH_M / 4) }), request()).score).toBeCloseTo(0.75);
    expect(transitScore(candidate({ transit: stop(TRANSIT_REACH_M * 2) }), request()).score).toBe(0);
  });
  test('when the request sets a limit, then the score falls to 0 at that limit', () => {
    expect(transitScore(candidate({ transit: stop(300) }), request({ maxDistanceToStationM: 600 })).score).toBeCloseTo(0.5);
  });
  test('when the limit is 0 metres, then only a site at the stop scores', () => {
    expect(transitScore(candidate({ transit: stop(0) }), request({ maxDistanceToStationM: 0 })).score).toBe(1);
    expect(transitScore(candidate({ transit: stop(1) }), request({ maxDistanceToStationM: 0 })).score).toBe(0);
  });
  test('when no stop serves the site, then 0, saying which modes were looked for', () => {
    expect(transitScore(candidate(), request({ stationModes: ['metro', 'bus'] }))).toEqual({ score: 0, detail: 'no stop served by metro, bus' });
  });
  test('when the stop is planned, then the sentence says so with its opening year', () => {
    expect(transitScore(candidate({ transit: stop(100, true, 2030) }), request()).detail).toBe('100 m to Flemingsberg (commuter rail, planned, opening 2030)');
  });
});

describe('sizeScore', () => {
  test('when the site fits exactly, then 1', () => {
    expect(sizeScore(candidate({ usableAreaM2: 1000 }), request()).score).toBe(1);
  });
  test('when the site is four times the need, then 0.25 and the sentence gives both sizes', () => {
    expect(sizeScore(candidate({ usableAreaM2: 4000 }), request())).toEqual({
      score: 0.25, detail: '4,000 m² usable for the use; needs at least 1,000 m² (25 % of it)',
    });
  });
  test('when a range is asked for premises, then the sentence gives the range and floor area', () => {
    expect(sizeScore(candidate({ kind: 'premises', usableAreaM2: 2000 }), request({ maxAreaM2: 3000 })).detail).toBe(
      '2,000 m² floor area; needs 1,000 m²–3,000 m² (50 % of it)',
    );
  });
  test('when the usable area is 0, then 0 (no division by zero)', () => {
    expect(sizeScore(candidate({ usableAreaM2: 0 }), request()).score).toBe(0);
  });
});

describe('readinessScore', () => {
  const today = '2026-01-01';
  test('when premises are available now or already, then 1', () => {
    expect(readinessScore(candidate({ kind: 'premises', readyDate: null }), today)).toEqual({ score: 1, detail: 'available now' });
    expect(readinessScore(candidate({ kind: 'premises', readyDate: '2025-06-01' }), today).score).toBe(1);
  });
  test('when premises are available later, then between 0.6 and 1, falling over the horizon', () => {
    const half = new Date(Date.parse('2026-01-01') + (TIMING_HORIZON_DAYS / 2) * 86_400_000).toISOString().slice(0, 10);
    expect(readinessScore(candidate({ kind: 'premises', readyDate: half }), today).score).toBeCloseTo(0.8, 2);
    expect(readinessScore(candidate({ kind: 'premises', readyDate: '2040-01-01' }), today).score).toBe(0.6);
  });
  test('when land is ready, then 1 and the sentence names the zoning in force', () => {
    const zoning = [{ planId: 'P1', planName: 'Plan 1', status: 'in_force', legalForceDate: '2020-05-01', expectedLegalForceDate: null, codes: [{ code: 'J', name: 'Industri' }] }];
    expect(readinessScore(candidate({ zoning }), today)).toEqual({ score: 1, detail: 'zoned J Industri, in force since 2020-05-01' });
  });
  test('when land needs a plan with no expected date, then 0.1', () => {
    expect(readinessScore(candidate({ readiness: 'in_progress', readyDate: null }), today).score).toBe(0.1);
  });
  test('when land needs a plan expected today, then 0.6; far beyond the horizon, 0.2', () => {
    expect(readinessScore(candidate({ readiness: 'in_progress', readyDate: today }), today).score).toBeCloseTo(0.6);
    expect(readinessScore(candidate({ readiness: 'in_progress', readyDate: '2050-01-01' }), today).score).toBeCloseTo(0.2);
  });
  test('when a plan is in review, then the sentence says so in English and Swedish', () => {
    const zoning = [{ planId: 'P2', planName: 'Plan 2', status: 'review', legalForceDate: null, expectedLegalForceDate: '2027-01-01', codes: [{ code: 'Z', name: 'Verksamheter' }] }];
    expect(readinessScore(candidate({ readiness: 'in_progress', readyDate: '2027-01-01', zoning }), today).detail).toBe(
      'zoned Z Verksamheter, under review (granskning), legal force expected 2027-01-01; the usable area needs plans not yet in force, expected 2027-01-01',
    );
  });
});

describe('priceScore', () => {
  test('when no price is stated, then neutral', () => {
    expect(priceScore(candidate({ price: null }), 100)).toEqual({ score: NEUTRAL, detail: 'price not stated (neutral)' });
    expect(priceScore(candidate({ kind: 'premises', price: 900 }), undefined).detail).toBe('rent not stated (neutral)');
  });
  test('when twice the cheapest, then 0.5; the cheapest itself, 1', () => {
    expect(priceScore(candidate({ price: 2000 }), 1000)).toEqual({ score: 0.5, detail: 'price 2,000 SEK/m²; lowest among the land candidates 1,000 SEK/m²' });
    expect(priceScore(candidate({ price: 1000 }), 1000).score).toBe(1);
  });
  test('when the price is 0, then 1 (free is cheapest)', () => {
    expect(priceScore(candidate({ price: 0 }), 0).score).toBe(1);
  });
});
