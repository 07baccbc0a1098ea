// Features for the write tests, in SWEREF 99 TM metres, east of Huddinge's seeded data so
// nothing seeded overlaps them (expected values then follow from these numbers alone).
export const E0 = 690_000;
export const N0 = 6_560_000;

export const square = (e: number, n: number, side: number) => ({
  type: 'Polygon',
  coordinates: [[[e, n], [e + side, n], [e + side, n + side], [e, n + side], [e, n]]],
});

/** A bow-tie: its ring crosses itself at its centre. */
export const bowTie = (e: number, n: number, side: number) => ({
  type: 'Polygon',
  coordinates: [[[e, n], [e + side, n + side], [e + side, n], [e, n + side], [e, n]]],
});

export const point = (e: number, n: number) => ({ type: 'Point', coordinates: [e, n] });

export const premisesFeature = (ref: string, extra: Record<string, unknown> = {}, geometry: unknown = point(E0, N0)) => ({
  type: 'Feature',
  geometry,
  properties: { ref, title: 'Kontor vid torget', kind: 'office', floorAreaM2: 420, status: 'available', ...extra },
});

export const landFeature = (ref: string, extra: Record<string, unknown> = {}, geometry: unknown = square(E0, N0, 100)) => ({
  type: 'Feature',
  geometry,
  properties: { ref, ownerType: 'municipal', ownerName: 'Huddinge kommun', status: 'available', ...extra },
});

export const zoneFeature = (ref: string, planId: string, extra: Record<string, unknown> = {}, geometry: unknown = square(E0, N0, 100)) => ({
  type: 'Feature',
  geometry,
  properties: { ref, planId, planName: `Detaljplan ${planId}`, status: 'review', useCodes: ['J'], expectedLegalForceDate: '2027-06-30', ...extra },
});
