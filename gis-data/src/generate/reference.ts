// Reference inputs: copies the shared source files into gis-data/reference/ (unchanged) so
// the repository is self-contained, and derives reference/use-codes.json from Boverket.
import fs from 'node:fs';
import path from 'node:path';
import { REFERENCE_DIR, readJson } from './util';

/** The shared source files the generator reads, copied byte for byte. */
export const REFERENCE_FILES = {
  municipalities: 'stockholms_lan_kommuner_ods2022.geojson',
  neighbours: 'grannkommuner_stockholms_lan.json',
  stops: 'transit_stops_huddinge_area.geojson',
  boverket: 'boverket_planbestammelser_anvandning.json',
} as const;

export type ReferenceKey = keyof typeof REFERENCE_FILES;

/** The shared data folder: ../../../../shared/data from here, else $SHARED_DATA, else none. */
export function sharedDataDir(): string | null {
  const candidates = [path.resolve(__dirname, '../../../../shared/data'), process.env.SHARED_DATA];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, REFERENCE_FILES.municipalities))) return dir;
  }
  return null;
}

/**
 * Refreshes reference/ from the shared data folder when it is available; without it the
 * copies already in reference/ are used. Returns where the inputs came from.
 */
export function syncReferenceFiles(): string {
  fs.mkdirSync(REFERENCE_DIR, { recursive: true });
  const shared = sharedDataDir();
  for (const name of Object.values(REFERENCE_FILES)) {
    const target = path.join(REFERENCE_DIR, name);
    if (shared) {
      const data = fs.readFileSync(path.join(shared, name));
      if (!fs.existsSync(target) || !fs.readFileSync(target).equals(data)) fs.writeFileSync(target, data);
    } else if (!fs.existsSync(target)) {
      throw new Error(`reference file ${target} is missing and no shared data folder was found (set SHARED_DATA)`);
    }
  }
  return shared ?? REFERENCE_DIR;
}

export function readReference<T = unknown>(key: ReferenceKey): T {
  return readJson<T>(path.join(REFERENCE_DIR, REFERENCE_FILES[key]));
}

/** Hex colours for Boverket's colour names (one consistent palette). */
export const BOVERKET_COLOURS: Record<string, string> = {
  Gul: '#f4e04d',
  Brun: '#b5835a',
  Röd: '#e06666',
  Blågrå: '#8c9cb4',
  Beige: '#e6d3a3',
  Grå: '#b7b7b7',
  Orange: '#f6b26b',
  Lila: '#b4a7d6',
  Grön: '#93c47d',
  Rosa: '#ead1dc',
  Ljusgrå: '#d9d9d9',
  Ljusgrön: '#d9ead3',
  Blå: '#9fc5e8',
};

/** English names of the kvartersmark base codes (Etablera's own translations). */
const NAMES_EN: Record<string, string> = {
  B: 'Housing',
  C: 'Centre',
  D: 'Healthcare',
  E: 'Technical facilities',
  F: 'Air traffic',
  G: 'Fuel station',
  H: 'Retail',
  J: 'Industry',
  K: 'Office',
  L: 'Cultivation and animal husbandry',
  M: 'Cemetery',
  N: 'Outdoor recreation and camping',
  O: 'Temporary accommodation',
  P: 'Parking',
  R: 'Visitor facilities',
  S: 'School',
  T: 'Traffic',
  U: 'Emergency services and other essential purposes',
  V: 'Port',
  Y: 'Other quarter land',
  Z: 'Business operations',
};

interface Kategori {
  anvandningsform: string;
  kategori: string;
  grundkod: string | null;
  grundbeteckning: string | null;
  farg: string;
}
interface Bestammelse {
  kod: string;
  kategori: string;
  anvandningsform: string;
}
interface Catalogue {
  kategorier: Kategori[];
  anvandningsbestammelser: Bestammelse[];
}

export interface UseCode {
  code: string;
  nameSv: string;
  nameEn: string;
  colourName: string;
  colour: string;
  boverketCode: string;
}

/**
 * The 21 kvartersmark base codes from the catalogue's `kategorier`. "Annan kvartersmark" (Y)
 * has no grundkod in the catalogue; its code is Y and its boverketCode the catalogue's
 * general provision for it, DP_KM_Y2_Annan.
 */
export function buildUseCodes(): UseCode[] {
  const cat = readReference<Catalogue>('boverket');
  const rows = cat.kategorier
    .filter((k) => k.anvandningsform === 'Kvartersmark')
    .map((k) => {
      const code = k.grundbeteckning ?? (k.kategori === 'Annan kvartersmark' ? 'Y' : null);
      if (!code) throw new Error(`use codes: no base code for category ${k.kategori}`);
      let boverketCode = k.grundkod;
      if (!boverketCode) {
        const general = cat.anvandningsbestammelser.find(
          (b) => b.kategori === k.kategori && b.anvandningsform === 'Kvartersmark' && b.kod.endsWith('_Annan'),
        );
        if (!general) throw new Error(`use codes: no provision for ${k.kategori}`);
        boverketCode = general.kod;
      }
      const colour = BOVERKET_COLOURS[k.farg];
      if (!colour) throw new Error(`use codes: no hex colour for Boverket colour ${k.farg}`);
      const nameEn = NAMES_EN[code];
      if (!nameEn) throw new Error(`use codes: no English name for ${code}`);
      return { code, nameSv: k.kategori, nameEn, colourName: k.farg, colour, boverketCode };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  if (rows.length !== 21) throw new Error(`use codes: expected 21 kvartersmark codes, got ${rows.length}`);
  return rows;
}

export function writeUseCodes(codes: UseCode[]): void {
  fs.writeFileSync(path.join(REFERENCE_DIR, 'use-codes.json'), `${JSON.stringify(codes, null, 2)}\n`);
}
