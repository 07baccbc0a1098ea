import type { BuildingRightField, BuildingRightProvision } from './building-rights';

/** One (zone, building-right regulation) pair that touch, as PostGIS measured it. */
export interface OverlayRow {
  zoneKey: string;
  regKey: string;
  /** The regulation covers the whole zone (10 cm tolerance, as DP-0003). */
  covers: boolean;
  /** Share of the zone's area inside the regulation (0–1). */
  zoneShare: number;
  /** Share of the regulation's area inside the zone (0–1). */
  regShare: number;
}

export interface RightRegulation {
  provision: BuildingRightProvision;
  value: number;
  label: string;
}

export type ZoneRights = Partial<Record<BuildingRightField, number>>;

// Below this share a touch is a shared border drawn a little apart, not a partial cover.
const SLIVER = 0.001;

/**
 * The building rights of each zone from the property regulations covering it: a regulation
 * applies to a zone it covers whole; an absolute m² for a whole egenskapsområde is shared
 * by the covered zones in proportion to their area in it; several regulations on one field
 * give the most restrictive value; total height wins over ridge height. A regulation that
 * covers part of a zone is not attached (the zone cannot say which part), and said so.
 */
export function zoneBuildingRights(rows: OverlayRow[], regs: Map<string, RightRegulation>): { rights: Map<string, ZoneRights>; notes: string[] } {
  const rights = new Map<string, ZoneRights>();
  const heights = new Map<string, { total?: number; nock?: number }>();
  const notes: string[] = [];
  for (const row of rows) {
    const reg = regs.get(row.regKey);
    if (!reg) continue;
    if (!row.covers) {
      if (row.zoneShare > SLIVER) {
        notes.push(`${reg.label} covers ${(row.zoneShare * 100).toFixed(1)} % of zone ${row.zoneKey}: not attached to it (only whole zones take building rights)`);
      }
      continue;
    }
    const { field, spread, heightKind } = reg.provision;
    const value = spread === 'shared' ? Math.round(reg.value * row.regShare * 10) / 10 : reg.value;
    if (field === 'maxHeightM') {
      const h = heights.get(row.zoneKey) ?? {};
      const k = heightKind ?? 'total';
      h[k] = Math.min(h[k] ?? Infinity, value);
      heights.set(row.zoneKey, h);
      continue;
    }
    const z = rights.get(row.zoneKey) ?? {};
    z[field] = Math.min(z[field] ?? Infinity, value);
    rights.set(row.zoneKey, z);
  }
  for (const [zone, h] of heights) {
    const z = rights.get(zone) ?? {};
    z.maxHeightM = h.total ?? h.nock;
    rights.set(zone, z);
  }
  return { rights, notes };
}
