import { z } from 'zod';

/**
 * NIS Detaljplan v4 JSON (format notes §1), as far as Etablera reads it: the schema's
 * required members, enums and patterns. Members Etablera does not read are tolerated
 * (producers add bbox, crs, feature ids); the NGP rules beyond the schema are in rules.ts.
 */
export { PLAN_DOCUMENT_MEDIA_TYPE as MEDIA_TYPE } from '../../contract/export';

export const NATIONAL_STATUSES = [
  'påbörjad', 'samråd', 'granskning', 'antagen', 'överklagad', 'tillsyn', 'laga kraft', 'upphävd', 'avslutad',
] as const;
export type NationalStatus = (typeof NATIONAL_STATUSES)[number];

export const REGULATION_KINDS = ['användningsbestämmelse', 'egenskapsbestämmelse', 'administrativ bestämmelse'] as const;
export type RegulationKind = (typeof REGULATION_KINDS)[number];

export const UNITS = ['meter', 'kvadratmeter', 'kubikmeter', 'procent', 'grader', 'antal', 'år', 'dB(A)'] as const;
/** koordinatsystemPlan: SWEREF 99 TM and the twelve local SWEREF 99 zones. */
export const PLAN_CRS = Array.from({ length: 13 }, (_, i) => `EPSG:${3006 + i}`) as [string, ...string[]];

const uuid = z.string().regex(/^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/, 'must be a lower-case UUID');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, 'must be a date-time with a time zone');
const text = z.string().min(1, 'must not be empty');

const geometri = z.object({
  typ: z.enum(['punkt', 'linje', 'yta', 'kropp', 'multipunkt', 'multilinje', 'multiyta', 'multikropp', 'multigeometri']),
  position: z.object({ type: z.string() }).passthrough(),
  koordinatsystemPlan: z.enum(PLAN_CRS),
  dimension: z.union([z.literal(2), z.literal(3)]),
  hojdsystem: z.literal('EPSG:5613').optional(),
  absolutLagesosakerhetPlan: z.number().optional(),
  absolutLagesosakerhetHojd: z.number().optional(),
});
export const geometribeskrivning = z.object({
  geometri,
  geometrimetadata: z.record(z.string(), z.unknown()),
});
export type Geometribeskrivning = z.output<typeof geometribeskrivning>;

const beslut = z.object({
  instansInomKommunen: z.enum(['byggnadsnämnd enligt PBL', 'kommunstyrelse', 'kommunfullmäktige']).optional(),
  diarienummerKommun: z.string().optional(),
  diarienummerFullmaktige: z.string().optional(),
  beslutstyp: z.enum(['antagande av ny detaljplan', 'antagande om ändring', 'antagande om upphävande', 'beslut om avslut']).optional(),
  datumPaborjat: date.optional(),
  datumAntagande: date.optional(),
  datumLagakraft: z.array(date).optional(),
  genomforandetid: z.number().int().positive('must be a positive whole number').optional(),
  genomforandetidStartar: date.optional(),
  planbestammelse: z.array(uuid).optional(),
}).passthrough();
export type Beslut = z.output<typeof beslut>;

export const planProperties = z.object({
  'feature:typ': z.literal('detaljplan'),
  objektidentitet: uuid,
  objektversion: z.number().int().positive().optional(),
  versionGiltigFran: dateTime,
  versionGiltigTill: dateTime.optional(),
  kommun: text,
  beteckning: z.string().optional(),
  namn: text,
  syfte: text,
  status: z.enum(NATIONAL_STATUSES),
  datumStatusforandring: date.optional(),
  typ: z.enum(['avstyckningsplan', 'byggnadsplan', 'detaljplan', 'stadsplan']),
  plangeometri: z.array(geometribeskrivning).min(1, 'needs at least one geometry'),
  beslutsinformation: z.array(beslut).min(1, 'needs at least one decision (required even before adoption)'),
}).passthrough();
export type PlanProperties = z.output<typeof planProperties>;

export const bestammelsevarde = z.object({
  datatyp: z.enum(['text', 'decimaltal']),
  variabelvarde: z.string(),
  beskrivning: text,
  vardetyp: z.enum(['min', 'max', 'exakt']).optional(),
  enhet: z.enum(UNITS).optional(),
});
export type Bestammelsevarde = z.output<typeof bestammelsevarde>;

export const regulationProperties = z.object({
  'feature:typ': z.enum(REGULATION_KINDS),
  detaljplan: uuid,
  objektidentitet: uuid,
  planbestammelsekatalogreferens: uuid,
  bestammelseformulering: text,
  ursprungligBestammelseformulering: z.string().optional(),
  bestammelsevarde: z.array(bestammelsevarde).optional(),
  bestammelsegeometri: z.array(geometribeskrivning).min(1, 'needs at least one geometry'),
  reglerarAnvandningsbestammelse: z.array(uuid).optional(),
  planbestammelsebeskrivning: z.object({ motiv: z.string() }).optional(),
}).passthrough();
export type RegulationProperties = z.output<typeof regulationProperties>;
