// Plain unit tests of the ranking (no database): weights, ties, limit and ranks.
import { effectiveWeights, rankCandidates } from '../../api/src/matching/ranking';
import type { Candidate } from '../../api/src/matching/repository';
import { DEFAULT_WEIGHTS, matchRequestSchema } from '../../api/src/matching/schema';

const request = (extra: Record<string, unknown> = {}) => matchRequestSchema.parse({ use: 'logistics', minAreaM2: 1000, ...extra });
const today = '2026-01-01';

const candidate = (ref: string, c: Partial<Candidate> = {}): Candidate => ({
  kind: 'land', ref, areaRef: null, usableAreaM2: 1000, readiness: 'ready', readyDate: null, planIds: [],
  price: null, transit: null, geometry: { type: 'Point', coordinates: [18, 59.2] }, ...c,
});
const near = (distanceM: number) => ({ ref: 's', name: 'S', mode: 'bus', distanceM, planned: false, openingYear: null }) as Candidate['transit'];

describe('effectiveWeights', () => {
  test('when the request gives no weights, then the defaults', () => {
    expect(effectiveWeights(request())).toEqual(DEFAULT_WEIGHTS);
  });
  test('when the request gives one weight, then it replaces only that default', () => {
    expect(effectiveWeights(request({ weights: { price: 1 } }))).toEqual({ ...DEFAULT_WEIGHTS, price: 1 });
  });
});

describe('rankCandidates', () => {
  test('when candidates differ in score, then the higher score ranks first, numbered from 1', () => {
    const ranked = rankCandidates([candidate('far', { transit: near(1500) }), candidate('close', { transit: near(100) })], request(), today);
    expect(ranked.map((r) => [r.rank, r.ref])).toEqual([[1, 'close'], [2, 'far']]);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
  });
  test('when only size is weighted, then the score is the size score', () => {
    const [r] = rankCandidates([candidate('a', { usableAreaM2: 4000 })], request({ weights: { transit: 0, readiness: 0, price: 0, size: 1 } }), today);
    expect(r.score).toBe(0.25);
    expect(r.criteria.size).toMatchObject({ score: 0.25, weight: 1 });
  });
  test('when scores tie, then ready before in progress, land before premises, then by ref', () => {
    const onlySize = request({ weights: { transit: 0, readiness: 0, price: 0, size: 1 } });
    const ranked = rankCandidates([
      candidate('z-premises', { kind: 'premises' }),
      candidate('b-land'),
      candidate('a-land'),
      candidate('in-progress', { readiness: 'in_progress' }),
    ], onlySize, today);
    expect(ranked.map((r) => r.ref)).toEqual(['a-land', 'b-land', 'z-premises', 'in-progress']);
  });
  test('when scores tie, then the nearer stop first', () => {
    const onlySize = request({ weights: { transit: 0, readiness: 0, price: 0, size: 1 } });
    const ranked = rankCandidates([candidate('a', { transit: near(900) }), candidate('b', { transit: near(200) })], onlySize, today);
    expect(ranked.map((r) => r.ref)).toEqual(['b', 'a']);
  });
  test('when there are more candidates than the limit, then only the best `limit` come back', () => {
    const many = Array.from({ length: 5 }, (_, i) => candidate(`c${i}`, { usableAreaM2: 1000 * (i + 1) }));
    const ranked = rankCandidates(many, request({ limit: 2 }), today);
    expect(ranked.map((r) => r.ref)).toEqual(['c0', 'c1']);
  });
  test('when prices are given, then each is compared with the cheapest of its own kind', () => {
    const onlyPrice = request({ weights: { transit: 0, readiness: 0, size: 0, price: 1 } });
    const ranked = rankCandidates([
      candidate('land-cheap', { price: 500 }), candidate('land-dear', { price: 1000 }), candidate('prem', { kind: 'premises', price: 2000 }),
    ], onlyPrice, today);
    expect(Object.fromEntries(ranked.map((r) => [r.ref, r.score]))).toEqual({ 'land-cheap': 1, prem: 1, 'land-dear': 0.5 });
  });
});
