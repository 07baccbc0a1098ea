import fs from 'node:fs';
import path from 'node:path';

/**
 * The shipped release of Boverket's Planbestämmelsekatalogen (use provisions only), the one
 * a plan file's `planbestammelsekatalogreferens` UUIDs are decoded against. Källa: Boverket,
 * Planbestämmelsekatalogen.
 */
export const CATALOGUE_FILE = path.resolve(__dirname, '../../../../gis-data/reference/boverket_planbestammelser_anvandning.json');

export interface UseProvision {
  id: string;
  /** e.g. DP_KM_J2_Lager */
  kod: string;
  formulering: string;
  anvandningsform: 'Kvartersmark' | 'Allmän plats' | 'Vattenområde' | string;
  kategori: string;
  /** e.g. J or J# (# = the plan author's index) */
  beteckning: string;
}

interface CatalogueFile {
  _meta: { upstream: string };
  anvandningsbestammelser: UseProvision[];
}

let byId: Map<string, UseProvision> | undefined;
let release: string | undefined;

function load(): Map<string, UseProvision> {
  if (!byId) {
    const file = JSON.parse(fs.readFileSync(CATALOGUE_FILE, 'utf8')) as CatalogueFile;
    byId = new Map(file.anvandningsbestammelser.map((e) => [e.id, e]));
    release = /release_name (\w+)/.exec(file._meta.upstream)?.[1] ?? 'unknown';
  }
  return byId;
}

/** The catalogue release name, e.g. "20251201". */
export function catalogueRelease(): string {
  load();
  return release!;
}

/** The use provision a UUID names, or undefined when the release has none (unknown or no longer in force). */
export const useProvision = (uuid: string): UseProvision | undefined => load().get(uuid);

/** Etablera's use code of a kvartersmark provision: its beteckning's letter (J# → J). */
export const useLetter = (p: UseProvision): string => p.beteckning.replace('#', '').charAt(0);

/**
 * The base provision of a use letter (J → DP_KM_J2 "Industri"), for exporting zones that
 * were drawn in Etablera; Y has none (annan kvartersmark is always specified in text).
 */
export function baseUseProvision(letter: string): UseProvision | undefined {
  for (const e of load().values()) {
    if (e.anvandningsform === 'Kvartersmark' && e.beteckning === letter) return e;
  }
  return undefined;
}
