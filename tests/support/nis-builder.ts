// Writes NIS Detaljplan v4 documents for the tests (format notes §1): a plan object and its
// regulations, each geometry a list of parts in one CRS. Rectangles are [minX, minY, maxX, maxY].
import { randomUUID } from 'node:crypto';

export type Ring = number[][];
export type Rect = [number, number, number, number];

/** A counter-clockwise closed ring of a rectangle. */
export const rectRing = ([x0, y0, x1, y1]: Rect): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

export const CATALOGUE = {
  J: 'a0f58fd5-a361-4002-a359-03474901c15f', // DP_KM_J2 Industri
  K: '5856a456-06a8-4612-a987-c9e43cb22682', // DP_KM_K2 Kontor
  J_LAGER: '1eb32484-907c-4a85-aedd-1203f7c6cdc4', // DP_KM_J2_Lager (J#)
  Z: '6591927c-27ef-4e64-ada6-613524f885ec', // DP_KM_Z2 Verksamheter
  GATA: '7f46c19a-343d-433e-9ff8-59679eed36d8', // DP_AP_Gata (allmän plats)
  GFA_PCT: '0b56d2a9-dd02-4318-84cc-36d6402fcabd', // StorstaAreaProc_BruttoEgen
  BA_PCT: '1c38a293-b48c-4572-a4a7-5a5d27697ea1', // StorstaAreaProc_ByggnadsEgen
  GFA_M2: '270259e9-afad-4aa7-ba88-f9580bc1e926', // StorstaAreaKvm_Brutto
  TOTAL_H: '05c9ec9d-65e2-4a64-a711-3fde76f1c4f8', // HogstaHojd_Totalhojd
  NOCK_H: 'ee5f8de3-89b0-479a-a5cb-7439d40623e8', // HogstaHojd_Nockhojd
};

export const geometries = (rings: Ring[], srid = 3006) =>
  rings.map((ring) => ({
    geometri: { typ: 'yta', koordinatsystemPlan: `EPSG:${srid}`, dimension: 2, position: { type: 'Polygon', coordinates: [ring] } },
    geometrimetadata: { tidpunktForLagesbestamning: '2026-02-15T00:00:00Z', lagesbestamningsmetodIPlan: { typ: 'lägesplacering', variant: 'digital karta' } },
  }));

export interface PlanOptions {
  id?: string;
  version?: number;
  validFrom?: string;
  status?: string;
  name?: string;
  beteckning?: string;
  boundary: Ring[];
  srid?: number;
  beslut?: Array<Record<string, unknown>>;
  extra?: Record<string, unknown>;
}

export function planFeature(o: PlanOptions) {
  return {
    type: 'Feature',
    geometry: null,
    properties: {
      'feature:typ': 'detaljplan',
      objektidentitet: o.id ?? randomUUID(),
      objektversion: o.version ?? 1,
      versionGiltigFran: o.validFrom ?? '2026-01-10T09:00:00Z',
      kommun: 'Huddinge',
      ...(o.beteckning ? { beteckning: o.beteckning } : {}),
      namn: o.name ?? 'Testplan',
      syfte: 'Prövning i test.',
      status: o.status ?? 'samråd',
      typ: 'detaljplan',
      plangeometri: geometries(o.boundary, o.srid),
      beslutsinformation: o.beslut ?? [{ diarienummerKommun: 'SBF 2026/1', datumPaborjat: '2025-01-15' }],
      ...o.extra,
    },
  };
}

export interface RegulationOptions {
  plan: string;
  id?: string;
  kind?: string;
  catalogue: string;
  wording: string;
  rings: Ring[];
  srid?: number;
  values?: Array<Record<string, unknown>>;
  extra?: Record<string, unknown>;
}

export function regulationFeature(o: RegulationOptions) {
  return {
    type: 'Feature',
    geometry: null,
    properties: {
      'feature:typ': o.kind ?? 'användningsbestämmelse',
      detaljplan: o.plan,
      objektidentitet: o.id ?? randomUUID(),
      planbestammelsekatalogreferens: o.catalogue,
      bestammelseformulering: o.wording,
      ...(o.values ? { bestammelsevarde: o.values } : {}),
      bestammelsegeometri: geometries(o.rings, o.srid),
      ...o.extra,
    },
  };
}

/** A building-right egenskapsbestämmelse with one decimal value. */
export function rightFeature(plan: string, catalogue: string, variable: string, value: string, unit: string, rings: Ring[], id?: string) {
  const wording = {
    utnyttjandegrad: `Största area är [utnyttjandegrad:decimaltal] % av fastighetsarean inom egenskapsområdet.`,
    exploatering: `Största bruttoarea är [exploatering:decimaltal] m².`,
    höjd: `Högsta höjd är [höjd:decimaltal] meter.`,
  }[variable]!;
  return regulationFeature({
    plan, id, kind: 'egenskapsbestämmelse', catalogue, wording, rings,
    values: [{ datatyp: 'decimaltal', variabelvarde: value, beskrivning: variable, vardetyp: 'max', enhet: unit }],
  });
}

export const documentOf = (features: unknown[]) => ({
  type: 'FeatureCollection',
  'feature:mediatyp': 'application/vnd.lm.detaljplan.v4+json',
  features,
});
