// areas.geojson: the three business areas, outlines drawn by hand on the real places and
// clipped to stay inside Huddinge (0126) of the ods2022 boundary layer.
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { assertValidPolygon, areaOutside, largestPart, roundGeometry, vertexCount, type PolyFeature } from './util';

export const AREA_SOURCE = 'Outline drawn by Etablera around the business area; approximate';

export type AreaRef = 'lanna' | 'flemingsberg' | 'kungens-kurva';

export interface AreaSpec {
  ref: AreaRef;
  name: string;
  /** Trakt name used for the (illustrative) fastighetsbeteckningar of the parcels. */
  trakt: string;
  /** Short code used in premises refs. */
  code: string;
  outline: Position[];
  profile: string;
  facts: Record<string, unknown>;
}

export const AREA_SPECS: AreaSpec[] = [
  {
    ref: 'lanna',
    name: 'Länna',
    trakt: 'Länna',
    code: 'LAN',
    // South of Skogås: around Länna norra / Länna gård and the industrial streets
    // (Fräsarvägen, Smärgelvägen, Speditionsvägen, Truckvägen) in the south-west.
    outline: [
      [18.1165, 59.199], [18.1185, 59.1958], [18.126, 59.1968], [18.134, 59.1985], [18.142, 59.199],
      [18.148, 59.201], [18.1525, 59.2045], [18.153, 59.208], [18.149, 59.211], [18.142, 59.2125],
      [18.134, 59.211], [18.127, 59.2085], [18.12, 59.2055], [18.116, 59.2025],
    ],
    profile: 'Verksamhetsområde söder om Skogås för industri, lager och logistik längs Lännavägen.',
    facts: {
      profileEn: 'Business area south of Skogås for industry, warehousing and logistics along Lännavägen.',
      strengths: [
        'Etablerat industri- och lagerområde med stora tomter',
        'Gränsar till Haninge kommun i sydost',
        'Pendeltågsstationerna Skogås och Trångsund norr om området',
      ],
      strengthsEn: [
        'Established industrial and warehouse area with large plots',
        'Borders Haninge municipality to the south-east',
        'Commuter rail stations Skogås and Trångsund north of the area',
      ],
      anchors: [],
      transit: 'SL:s busshållplatser Länna norra och Länna gård i området; pendeltåg vid Skogås station norr om det',
      transitEn: 'SL bus stops Länna norra and Länna gård in the area; commuter rail at Skogås station north of it',
      roads: 'Lännavägen',
    },
  },
  {
    ref: 'flemingsberg',
    name: 'Flemingsberg',
    trakt: 'Flemingsberg',
    code: 'FLE',
    // Around Flemingsberg station, the hospital and Södertörns högskola.
    outline: [
      [17.9318, 59.215], [17.9365, 59.2132], [17.943, 59.2128], [17.9495, 59.2136], [17.955, 59.215],
      [17.9585, 59.2178], [17.957, 59.2212], [17.9525, 59.224], [17.946, 59.2258], [17.9395, 59.2262],
      [17.934, 59.2245], [17.9312, 59.2215], [17.9305, 59.2182],
    ],
    profile: 'Regional stadskärna med universitetssjukhus, högskola och forskning kring Flemingsbergs station.',
    facts: {
      profileEn: 'Regional city core with a university hospital, a university and research around Flemingsberg station.',
      strengths: [
        'En av de regionala stadskärnorna i Stockholmsregionens regionplan (RUFS 2050)',
        'Life science-kluster kring sjukhuset och Karolinska Institutet',
        'Pendeltåg och regionaltåg vid Flemingsbergs station',
      ],
      strengthsEn: [
        'One of the regional city cores of the Stockholm regional plan (RUFS 2050)',
        'Life science cluster around the hospital and Karolinska Institutet',
        'Commuter rail and regional trains at Flemingsberg station',
      ],
      anchors: [
        'Karolinska universitetssjukhuset Huddinge',
        'Södertörns högskola',
        'Karolinska Institutet campus Flemingsberg',
        'KTH campus Flemingsberg',
      ],
      transit: 'Flemingsbergs station (SL:s pendeltåg, regionaltåg, bussterminal); planerad Spårväg syd',
      transitEn: 'Flemingsberg station (SL commuter rail, regional trains, bus terminal); planned Spårväg syd',
      roads: 'Huddingevägen, Hälsovägen',
    },
  },
  {
    ref: 'kungens-kurva',
    name: 'Kungens kurva',
    trakt: 'Kungens kurva',
    code: 'KKU',
    // The retail hub east of E4/E20 around IKEA; the western edge is clipped to the border.
    outline: [
      [17.9075, 59.2658], [17.9125, 59.264], [17.9195, 59.2637], [17.9262, 59.2647], [17.9298, 59.2668],
      [17.929, 59.2698], [17.9245, 59.2722], [17.919, 59.274], [17.915, 59.2762], [17.911, 59.2752],
      [17.9075, 59.2712], [17.904, 59.2685],
    ],
    profile: 'Handelsområde vid E4/E20 med IKEA och storskalig handel, del av den regionala stadskärnan Kungens kurva–Skärholmen.',
    facts: {
      profileEn: 'Retail hub by the E4/E20 with IKEA and large-format retail, part of the Kungens kurva–Skärholmen regional city core.',
      strengths: [
        'Stort regionalt handelsmål',
        'Direkt anslutning till motorvägen E4/E20',
        'Granne med Skärholmen (tunnelbana) i Stockholms kommun',
      ],
      strengthsEn: [
        'Major regional retail destination',
        'Direct access to the E4/E20 motorway',
        'Next to Skärholmen (metro) in Stockholm municipality',
      ],
      anchors: ['IKEA Kungens Kurva', 'Heron City'],
      transit: 'SL:s busshållplatser Kungens Kurva och Kungens Kurva IKEA; Skärholmens tunnelbanestation i närheten; planerad Spårväg syd',
      transitEn: 'SL bus stops Kungens Kurva and Kungens Kurva IKEA; Skärholmen metro station nearby; planned Spårväg syd',
      roads: 'E4/E20 (trafikplats Kungens kurva), Kungens kurvaleden',
    },
  },
];

/** Metres the outlines keep inside the generalised municipal boundary. */
const BORDER_MARGIN_M = 20;

export function buildAreas(huddinge: PolyFeature): PolyFeature[] {
  const inner = turf.buffer(huddinge, -BORDER_MARGIN_M, { units: 'meters' }) as PolyFeature | undefined;
  if (!inner) throw new Error('areas: buffering the Huddinge boundary failed');
  return AREA_SPECS.map((spec) => {
    const ring = [...spec.outline, spec.outline[0]];
    const drawn = turf.polygon([ring]);
    assertValidPolygon(drawn, `area ${spec.ref} (drawn outline)`);
    const clipped = largestPart(turf.intersect(turf.featureCollection([drawn, inner])) as PolyFeature | null);
    if (!clipped) throw new Error(`area ${spec.ref}: outline lies outside Huddinge`);
    const geometry = roundGeometry((turf.rewind(clipped) as PolyFeature).geometry);
    const feature = turf.feature(geometry, {
      ref: spec.ref,
      name: spec.name,
      municipalityCode: '0126',
      profile: spec.profile,
      facts: spec.facts,
      illustrative: true,
      source: AREA_SOURCE,
    }) as PolyFeature;
    assertValidPolygon(feature, `area ${spec.ref}`);
    const n = vertexCount(feature);
    if (n < 8 || n > 20) throw new Error(`area ${spec.ref}: ${n} vertices, expected 8-20`);
    const outside = areaOutside(feature, huddinge);
    if (outside > 0.01) throw new Error(`area ${spec.ref}: ${outside.toFixed(2)} m² outside Huddinge`);
    return feature;
  });
}

export function areaSpec(ref: string): AreaSpec {
  const s = AREA_SPECS.find((a) => a.ref === ref);
  if (!s) throw new Error(`unknown area ${ref}`);
  return s;
}
