import fs from 'node:fs';
import type { Db } from '../../db/pool';
import { isNisDocument } from './read-document';
import { importNisDocument, type NisImportSummary } from './import-service';
import path from 'node:path';

/**
 * `gis:load plans <file>`: a NIS Detaljplan v4 document (feature:mediatyp, or features with
 * feature:typ) is imported as a national plan; anything else is left to the layer loader
 * (undefined). Only JSON files are looked into.
 */
export async function importIfNisFile(db: Db, file: string): Promise<NisImportSummary | undefined> {
  if (!/\.(json|geojson)$/i.test(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined; // the layer loader reports unreadable or malformed files
  }
  if (!isNisDocument(json)) return undefined;
  return importNisDocument(db, json, `NIS Detaljplan v4: ${path.basename(file)}`);
}

/** The CLI's lines for an import. */
export function describeImport(s: NisImportSummary, file: string): string[] {
  const head = `plans: NIS Detaljplan v4 plan '${s.name}' (${s.nationalId}, objektversion ${s.nationalVersion}) from ${file}: ${s.outcome}`;
  if (s.outcome === 'unchanged') return [head, ...s.notes.map((n) => `  note: ${n}`)];
  const lines = [
    head,
    `  plan ${s.planId}, status ${s.status}, ${s.zones} zone(s) (${s.zonesWithBuildingRights} with building rights), ${s.regulations} regulation(s) kept`,
  ];
  return lines.concat(s.notes.map((n) => `  note: ${n}`));
}
