/** The pitch's wording in Swedish and English: one place, used by the JSON, the page and the PDF. */
// Labels keyed by the contract's enums: a new use, kind or mode without words fails tsc.
import type { Lang, MatchUse, PlanStatus, PremisesKind, StopMode } from '../contract/enums';

export type { Lang };

const num = (lang: Lang, n: number) => new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 0 }).format(n);

export const T = {
  sv: {
    title: 'Etableringsplatser i Huddinge',
    intro: 'Platser som Huddinge kommuns näringslivssektion har valt ut för er. Alla uppgifter är hämtade ur kommunens kartdata.',
    illustrative: 'Observera: uppgifterna är illustrativa exempeldata, inte verkliga fastigheter eller lokaler.',
    expires: 'Länken gäller till',
    site: 'Plats',
    areas: 'Områdena',
    print: 'Skriv ut',
    pdf: 'Ladda ner PDF',
    labels: { size: 'Storlek', zoning: 'Detaljplan', readiness: 'Planberedskap', transit: 'Kollektivtrafik', price: 'Pris', rent: 'Hyra', available: 'Tillträde', address: 'Adress' },
    kinds: { land: 'Mark', office: 'kontor', retail: 'butik', industry: 'industri', warehouse: 'lager', lab: 'labb' } satisfies Record<PremisesKind | 'land', string> as Record<string, string>,
    planStatus: { programme: 'planprogram', started: 'påbörjad', consultation: 'samråd', review: 'granskning', adopted: 'antagen', appealed: 'överklagad', supervision: 'tillsyn', in_force: 'laga kraft', cancelled: 'upphävd', discontinued: 'avslutad' } satisfies Record<PlanStatus, string> as Record<string, string>,
    modes: { commuter_rail: 'pendeltåg', metro: 'tunnelbana', tram: 'spårväg', bus: 'buss' } satisfies Record<StopMode, string> as Record<string, string>,
    sizeLand: (m2: number) => `Cirka ${num('sv', m2)} m² mark`,
    sizePremises: (m2: number, kind: string) => `${num('sv', m2)} m² ${kind}`,
    zoning: (uses: string, plan: string) => `${uses}, enligt detaljplan ${plan}`,
    noPlan: 'Ingen digital detaljplan inläst för platsen',
    ready: (date: string | null) => `Detaljplanen har vunnit laga kraft${date ? ` (${date})` : ''}: marken kan bebyggas enligt planen.`,
    inProgress: (status: string, date: string | null) =>
      `Detaljplan under arbete (${status}); ${date ? `väntas vinna laga kraft ${date}` : 'datum för laga kraft är inte bestämt'}.`,
    programme: 'Planprogram: tidigt skede, ännu ingen detaljplan.',
    noReadiness: 'Ingen detaljplan som medger verksamheter ännu.',
    noReadinessFor: (use: string) => `Ingen detaljplan medger ${use} på platsen ännu.`,
    usable: (m2: number, use: string) => ` ${num('sv', m2)} m² får användas för ${use}.`,
    uses: { office: 'kontor', retail: 'handel', industry: 'industri', logistics: 'logistik', lab: 'laboratorier' } satisfies Record<MatchUse, string> as Record<string, string>,
    station: (d: string, name: string, mode: string) => `${d} fågelvägen till ${name} (${mode})`,
    noStation: 'Ingen station med pendeltåg, tunnelbana eller spårväg i närheten',
    distance: (m: number) => (m >= 1000 ? `${(m / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} km` : `${num('sv', m)} m`),
    price: (p: number | null) => (p == null ? 'Pris enligt överenskommelse' : `${num('sv', p)} kr/m²`),
    rent: (r: number | null) => (r == null ? 'Hyra enligt överenskommelse' : `${num('sv', r)} kr/m² och år`),
    available: (d: string | null) => (d ? `Från ${d}` : 'Nu'),
  },
  en: {
    title: 'Sites for your establishment in Huddinge',
    intro: 'Sites picked for you by the business unit of Huddinge municipality. All facts come from the municipality\u2019s map data.',
    illustrative: 'Please note: the data are illustrative examples, not real properties or premises.',
    expires: 'This link is valid until',
    site: 'Site',
    areas: 'The areas',
    print: 'Print',
    pdf: 'Download PDF',
    labels: { size: 'Size', zoning: 'Zoning', readiness: 'Plan readiness', transit: 'Public transport', price: 'Price', rent: 'Rent', available: 'Available', address: 'Address' },
    kinds: { land: 'Land', office: 'office', retail: 'retail', industry: 'industrial', warehouse: 'warehouse', lab: 'lab' } satisfies Record<PremisesKind | 'land', string> as Record<string, string>,
    planStatus: { programme: 'planning programme', started: 'started', consultation: 'consultation', review: 'review', adopted: 'adopted, not yet in force', appealed: 'adopted, appealed', supervision: 'adopted, under supervision', in_force: 'in force', cancelled: 'cancelled', discontinued: 'discontinued' } satisfies Record<PlanStatus, string> as Record<string, string>,
    modes: { commuter_rail: 'commuter rail', metro: 'metro', tram: 'tram', bus: 'bus' } satisfies Record<StopMode, string> as Record<string, string>,
    sizeLand: (m2: number) => `About ${num('en', m2)} m² of land`,
    sizePremises: (m2: number, kind: string) => `${num('en', m2)} m² ${kind} space`,
    zoning: (uses: string, plan: string) => `${uses}, under detailed plan ${plan}`,
    noPlan: 'No digital plan loaded for the site',
    ready: (date: string | null) => `The detailed plan is in force${date ? ` (since ${date})` : ''}: the land can be built on as the plan allows.`,
    inProgress: (status: string, date: string | null) =>
      `Detailed plan in progress (${status}); ${date ? `expected to enter into force ${date}` : 'no date set for entry into force'}.`,
    programme: 'Planning programme: early stage, no detailed plan yet.',
    noReadiness: 'No detailed plan permitting business use yet.',
    noReadinessFor: (use: string) => `No detailed plan permits ${use} on the site yet.`,
    usable: (m2: number, use: string) => ` ${num('en', m2)} m² may be used for ${use}.`,
    uses: { office: 'offices', retail: 'retail', industry: 'industry', logistics: 'logistics', lab: 'laboratories' } satisfies Record<MatchUse, string> as Record<string, string>,
    station: (d: string, name: string, mode: string) => `${d} as the crow flies to ${name} (${mode})`,
    noStation: 'No commuter rail, metro or tram station nearby',
    distance: (m: number) => (m >= 1000 ? `${(m / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} km` : `${num('en', m)} m`),
    price: (p: number | null) => (p == null ? 'Price by agreement' : `SEK ${num('en', p)} per m²`),
    rent: (r: number | null) => (r == null ? 'Rent by agreement' : `SEK ${num('en', r)} per m² and year`),
    available: (d: string | null) => (d ? `From ${d}` : 'Now'),
  },
};
