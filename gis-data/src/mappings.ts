import fs from 'node:fs';
import path from 'node:path';
import { readMapping, type Mapping } from '../../api/src/layers/load/mapping';

export const MAPPINGS_DIR = path.resolve(__dirname, '../mappings');

/** The ready mappings shipped in gis-data/mappings, by name. */
export const readyMappings = (): string[] =>
  fs.readdirSync(MAPPINGS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

/** `--map <name or file>`: a ready mapping by its name, else a mapping file of the user's. */
export function resolveMapping(nameOrFile: string): Mapping {
  const ready = path.join(MAPPINGS_DIR, `${nameOrFile}.json`);
  if (/^[a-z0-9-]+$/.test(nameOrFile) && fs.existsSync(ready)) return readMapping(ready);
  return readMapping(nameOrFile);
}
