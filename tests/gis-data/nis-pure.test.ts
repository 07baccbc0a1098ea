// The database-free steps of the NIS import: dates, values, variables, building rights per
// zone, status mapping. Expected values are worked out by hand.
import { addMonths, NATIONAL_FROM_STATUS, STATUS_FROM_NATIONAL } from '../../api/src/plans/national/plan-fields';
import { parseDecimal, variableTokens, isNisDocument } from '../../api/src/plans/national/read-document';
import { zoneBuildingRights, type RightRegulation } from '../../api/src/plans/national/zone-rights';
import { BUILDING_RIGHT_PROVISIONS } from '../../api/src/plans/national/building-rights';
import { nameUuid } from '../../api/src/plans/national/export-document';
import { PLAN_STATUSES } from '../../api/src/layers/enums';

test('when months are added to a date, then a missing day falls back to the month\'s last', () => {
  expect(addMonths('2024-09-02', 60)).toBe('2029-09-02');
  expect(addMonths('2024-01-31', 1)).toBe('2024-02-29'); // leap year
  expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
  expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
});

test('when values are written with a comma or a dot, then both parse; words do not', () => {
  expect(parseDecimal('12,5')).toBe(12.5);
  expect(parseDecimal(' 120 ')).toBe(120);
  expect(parseDecimal('tolv')).toBeUndefined();
  expect(parseDecimal('1.2.3')).toBeUndefined();
});

test('when a wording has variables, then they are read in order with their types', () => {
  expect(variableTokens('Högsta nock-/totalhöjd på [byggnadsverk:text] är [höjd:decimaltal] meter[text:text]')).toEqual([
    { name: 'byggnadsverk', type: 'text' }, { name: 'höjd', type: 'decimaltal' }, { name: 'text', type: 'text' },
  ]);
  expect(variableTokens('Industri')).toEqual([]);
});

test('when a file has the media type or feature:typ members, then it is a NIS document; Etablera\'s GeoJSON is not', () => {
  expect(isNisDocument({ type: 'FeatureCollection', 'feature:mediatyp': 'x', features: [] })).toBe(true);
  expect(isNisDocument({ type: 'FeatureCollection', features: [{ properties: { 'feature:typ': 'detaljplan' } }] })).toBe(true);
  expect(isNisDocument({ type: 'FeatureCollection', features: [{ properties: { ref: 'Z1', planId: 'P' } }] })).toBe(false);
});

test('when every national status is mapped and back, then the codelist and Etablera\'s statuses match one to one (programme has none)', () => {
  expect(Object.values(STATUS_FROM_NATIONAL).sort()).toEqual(PLAN_STATUSES.filter((s) => s !== 'programme').sort());
  for (const [national, status] of Object.entries(STATUS_FROM_NATIONAL)) expect(NATIONAL_FROM_STATUS[status]).toBe(national);
  expect(NATIONAL_FROM_STATUS.programme).toBeUndefined();
});

test('when regulations cover zones, then each zone takes the most restrictive value, shared m² by area, total height over ridge height', () => {
  const reg = (uuid: string, value: number): RightRegulation => ({ provision: BUILDING_RIGHT_PROVISIONS[uuid], value, label: uuid });
  const regs = new Map<string, RightRegulation>([
    ['pct60', reg('0b56d2a9-dd02-4318-84cc-36d6402fcabd', 60)],
    ['pct45', reg('e0cc2964-bba0-4fe4-bbfa-defe13672303', 45)],
    ['m2', reg('270259e9-afad-4aa7-ba88-f9580bc1e926', 1000)],
    ['nock', reg('ee5f8de3-89b0-479a-a5cb-7439d40623e8', 9)],
    ['total', reg('05c9ec9d-65e2-4a64-a711-3fde76f1c4f8', 14)],
  ]);
  const { rights, notes } = zoneBuildingRights([
    { zoneKey: 'A', regKey: 'pct60', covers: true, zoneShare: 1, regShare: 1 },
    { zoneKey: 'A', regKey: 'pct45', covers: true, zoneShare: 1, regShare: 1 },
    { zoneKey: 'A', regKey: 'm2', covers: true, zoneShare: 1, regShare: 0.25 },
    { zoneKey: 'B', regKey: 'm2', covers: true, zoneShare: 1, regShare: 0.75 },
    { zoneKey: 'A', regKey: 'nock', covers: true, zoneShare: 1, regShare: 1 },
    { zoneKey: 'A', regKey: 'total', covers: true, zoneShare: 1, regShare: 1 },
    { zoneKey: 'B', regKey: 'nock', covers: true, zoneShare: 1, regShare: 1 },
    { zoneKey: 'C', regKey: 'pct60', covers: false, zoneShare: 0.4, regShare: 0.2 },
    { zoneKey: 'D', regKey: 'pct60', covers: false, zoneShare: 0.0001, regShare: 0.0001 }, // a shared border
  ], regs);
  expect(Object.fromEntries(rights)).toEqual({
    A: { maxGrossFloorAreaPercent: 45, maxGrossFloorAreaM2: 250, maxHeightM: 14 }, // 1000 × 0.25; total 14 over nock 9
    B: { maxGrossFloorAreaM2: 750, maxHeightM: 9 },
  });
  expect(notes).toEqual(['0b56d2a9-dd02-4318-84cc-36d6402fcabd covers 40.0 % of zone C: not attached to it (only whole zones take building rights)']);
});

test('when a name-based UUID is made, then it is stable, version 3 and lower-case', () => {
  const a = nameUuid('P-1/plan');
  expect(a).toBe(nameUuid('P-1/plan'));
  expect(a).not.toBe(nameUuid('P-2/plan'));
  expect(a).toMatch(/^[a-f0-9]{8}-[a-f0-9]{4}-3[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$/);
});
