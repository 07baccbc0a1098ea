import type { Queryable } from '../db/pool';
import { badRequest } from '../errors/app-error';
import { MATCH_USES, type MatchUse } from '../contract/enums';
import type { Figures, ReadinessResponse as Readiness } from '../contract/readiness';
import * as repo from './repository';

/** Huddinge's kommunkod: the municipality whose totals readiness reports. */
export const MUNICIPALITY_CODE = '0126';

// The answer's shape is the contract's (api/src/contract/readiness.ts).
export type { Figures, AreaFigures, MunicipalityFigures, ReadinessResponse as Readiness } from '../contract/readiness';

const ha = (m2: number) => Math.round(m2) / 10000; // to the square metre
const empty = (): Figures => ({
  readyHa: 0, inProgressHa: {}, vacantPremisesM2: 0, vacantPremisesByKindM2: {},
  grossFloorAreaM2: null, grossFloorAreaZones: { total: 0, stating: 0 }, remainingBuildingRightsM2: null,
});

/** Sorted years first, 'unknown' last, so JSON and CSV read in time order. */
function orderedYears(byYear: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  const keys = [...byYear.keys()].sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b)));
  // Under half a square metre is floating-point residue of the overlay, not land.
  for (const k of keys) if (byYear.get(k)! >= 0.5) out[k] = ha(byYear.get(k)!);
  return out;
}

class Acc {
  readyM2 = 0;
  byYear = new Map<string, number>();
  premises = new Map<string, number>();
  floor: repo.FloorAreaRow | undefined;
  addLand(r: repo.LandRow) {
    this.readyM2 += r.readyM2;
    this.byYear.set(r.year, (this.byYear.get(r.year) ?? 0) + r.inProgressM2);
  }
  figures(): Figures {
    const kinds = Object.fromEntries([...this.premises].sort());
    return {
      ...empty(),
      readyHa: ha(this.readyM2),
      inProgressHa: orderedYears(this.byYear),
      vacantPremisesM2: [...this.premises.values()].reduce((a, b) => a + b, 0),
      vacantPremisesByKindM2: kinds,
      grossFloorAreaM2: this.floor?.grossFloorAreaM2 == null ? null : Math.round(this.floor.grossFloorAreaM2 * 10) / 10,
      grossFloorAreaZones: { total: this.floor?.zones ?? 0, stating: this.floor?.zonesStating ?? 0 },
    };
  }
}

/**
 * Plan readiness (planberedskap) per area and use, and for the whole municipality
 * (its areas plus land and premises in no area). 400 for an unknown area.
 * Example: `await readiness(db, { area: 'lanna', use: 'logistics' }, 90)`.
 */
export async function readiness(db: Queryable, q: { area?: string; use?: MatchUse }, premisesStaleAfterDays: number): Promise<Readiness> {
  const [areas, uses] = await Promise.all([repo.listAreas(db), repo.listUses(db)]);
  if (q.area && !areas.some((a) => a.ref === q.area)) throw badRequest('unknown_area', `area: no area with ref '${q.area}'`);
  if (q.use && !uses.some((u) => u.use === q.use)) throw badRequest('unknown_use', `use: '${q.use}' is not in the use table`);
  const use = q.use ?? null;
  const [land, premises, floor] = await Promise.all([
    repo.landOverlay(db, MUNICIPALITY_CODE, use),
    repo.vacantPremises(db, premisesStaleAfterDays, MUNICIPALITY_CODE, use),
    repo.permittedFloorArea(db, MUNICIPALITY_CODE, use),
  ]);

  const useOrder = uses.map((u) => u.use).sort((a, b) => MATCH_USES.indexOf(a) - MATCH_USES.indexOf(b));
  const wantedUses = use ? [use] : useOrder;
  const accs = new Map<string, Acc>();
  const key = (areaRef: string | null, u: string) => `${areaRef ?? ''}|${u}`;
  const acc = (areaRef: string | null, u: MatchUse) => {
    let a = accs.get(key(areaRef, u));
    if (!a) accs.set(key(areaRef, u), (a = new Acc()));
    return a;
  };
  for (const r of land) {
    if (r.areaRef) acc(r.areaRef, r.use).addLand(r);
    if (r.inMunicipality) acc(null, r.use).addLand(r);
  }
  for (const r of premises) acc(r.areaRef, r.use).premises.set(r.kind, r.m2);
  for (const r of floor) acc(r.areaRef, r.use).floor = r;

  const rowAreas = areas.filter((a) => !q.area || a.ref === q.area);
  return {
    rows: rowAreas.flatMap((a) => wantedUses.map((u) => ({ areaRef: a.ref, use: u, ...acc(a.ref, u).figures() }))),
    municipality: wantedUses.map((u) => ({ use: u, ...acc(null, u).figures() })),
    municipalityCode: MUNICIPALITY_CODE,
    premisesStaleAfterDays,
    illustrative: areas[0]?.anyIllustrative ?? false,
  };
}
