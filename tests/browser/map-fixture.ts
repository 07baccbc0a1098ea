// A small, known world around Flemingsberg for the map and tile tests, loaded through the
// real loader (so it is validated like any layer file). Coordinates lon/lat.
import type { Db } from '../../api/src/db/pool';
import { withTransaction } from '../../api/src/db/transaction';
import { loadFeatures } from '../../api/src/layers/loader';
import type { LayerName } from '../../api/src/layers/registry';

type Ring = Array<[number, number]>;
const rect = (w: number, s: number, e: number, n: number): Ring => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const polygon = (props: Record<string, unknown>, ring: Ring) => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const point = (props: Record<string, unknown>, lon: number, lat: number) => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

/** The fixture's layers, in load order. */
export const MAP_FIXTURE: Array<[LayerName, unknown[]]> = [
  ['municipalities', [
    polygon({ ref: '0126', name: 'Huddinge', relation: 'focus', neighbours: ['0180'] }, rect(17.85, 59.15, 18.2, 59.29)),
    polygon({ ref: '0180', name: 'Stockholm', relation: 'neighbour', neighbours: ['0126'] }, rect(17.85, 59.29, 18.2, 59.35)),
  ]],
  ['areas', [
    polygon({ ref: 'flemingsberg', name: 'Flemingsberg', profile: 'Life science', illustrative: true }, rect(17.93, 59.21, 17.96, 59.225)),
    polygon({ ref: 'lanna', name: 'Länna', profile: 'Logistik', illustrative: true }, rect(18.08, 59.22, 18.12, 59.24)),
  ]],
  ['stops', [
    point({ ref: 'flemingsberg-station', name: 'Flemingsberg', mode: 'commuter_rail' }, 17.945, 59.218),
    point({ ref: 'flemingsberg-tram', name: 'Flemingsberg tvärbana', mode: 'tram', planned: true, openingYear: 2031, illustrative: true }, 17.94, 59.214),
    point({ ref: 'lanna-bus', name: 'Länna centrum', mode: 'bus' }, 18.1, 59.23),
  ]],
  ['plans', [
    polygon({ ref: 'fb-z1', planId: 'DP-FB-1', planName: 'Flemingsberg verksamheter', status: 'in_force', legalForceDate: '2019-05-02',
      implementationEndDate: '2029-05-02', useCodes: ['J', 'Z'], maxGrossFloorAreaM2: 40000, illustrative: true }, rect(17.931, 59.211, 17.945, 59.219)),
    polygon({ ref: 'fb-z2', planId: 'DP-FB-2', planName: 'Flemingsberg kontor', status: 'consultation', expectedLegalForceDate: '2027-06-30',
      useCodes: ['K'], illustrative: true }, rect(17.946, 59.211, 17.959, 59.224)),
    polygon({ ref: 'la-z1', planId: 'DP-LA-1', planName: 'Länna industri', status: 'in_force', legalForceDate: '2015-01-20',
      useCodes: ['J'], illustrative: true }, rect(18.081, 59.221, 18.119, 59.239)),
  ]],
  ['land', [
    polygon({ ref: 'Flemingsberg 1:1', ownerType: 'municipal', status: 'available', priceSekPerM2: 1800, areaRef: 'flemingsberg', illustrative: true },
      rect(17.932, 59.212, 17.938, 59.216)),
    polygon({ ref: 'Flemingsberg 1:2', ownerType: 'private', ownerName: 'Fastighets AB Exempel', status: 'reserved', areaRef: 'flemingsberg', illustrative: true },
      rect(17.939, 59.212, 17.944, 59.216)),
    polygon({ ref: 'Flemingsberg 1:3', ownerType: 'municipal', status: 'available', priceSekPerM2: 2200, areaRef: 'flemingsberg', illustrative: true },
      rect(17.947, 59.212, 17.955, 59.217)),
    polygon({ ref: 'Länna 2:1', ownerType: 'municipal', status: 'available', priceSekPerM2: 1200, areaRef: 'lanna', illustrative: true },
      rect(18.085, 59.225, 18.095, 59.232)),
    polygon({ ref: 'Länna 2:2', ownerType: 'private', status: 'available', areaRef: 'lanna', illustrative: true },
      rect(18.1, 59.225, 18.102, 59.226)),
  ]],
  ['premises', [
    point({ ref: 'prem-fb-office', title: 'Kontor vid stationen', kind: 'office', floorAreaM2: 850, rentSekPerM2Year: 2100,
      availableFrom: '2026-01-01', status: 'available', address: 'Hälsovägen 1', illustrative: true }, 17.948, 59.219),
    point({ ref: 'prem-la-warehouse', title: 'Lager i Länna', kind: 'warehouse', floorAreaM2: 6000, rentSekPerM2Year: 950,
      status: 'available', illustrative: true }, 18.105, 59.228),
  ]],
];

/** Loads the fixture into an (empty) test database in one transaction. */
export async function loadMapFixture(db: Db): Promise<void> {
  await withTransaction(db, async (client) => {
    for (const [layer, features] of MAP_FIXTURE) await loadFeatures(client, layer, features);
  });
}
