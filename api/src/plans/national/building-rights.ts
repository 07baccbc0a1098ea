/**
 * The egenskapsbestämmelser that give a zone its building rights (format notes §2.4,
 * Boverket release 20251201), by catalogue UUID: which zone field they set, the unit their
 * value must carry, and how the value spreads over the zones the regulation covers.
 */
export type BuildingRightField =
  | 'maxGrossFloorAreaPercent'
  | 'maxBuildingAreaPercent'
  | 'maxGrossFloorAreaM2'
  | 'maxBuildingAreaM2'
  | 'maxHeightM';

export interface BuildingRightProvision {
  field: BuildingRightField;
  /** The `enhet` DP-0009 makes the value carry. */
  unit: 'procent' | 'kvadratmeter' | 'meter';
  /** The variable name in the wording (`beskrivning` of the value). */
  variable: string;
  /**
   * `each`: every covered zone gets the value (a percentage, or m² "inom användningsområdet");
   * `shared`: an absolute m² for the whole egenskapsområde, shared by the zones' area.
   */
  spread: 'each' | 'shared';
  /** Heights: total height wins over ridge (nock) height when a zone has both. */
  heightKind?: 'total' | 'nock';
  wording: string;
}

const pct = (field: BuildingRightField, where: string): BuildingRightProvision => ({
  field, unit: 'procent', variable: 'utnyttjandegrad', spread: 'each',
  wording: `Största ${field === 'maxGrossFloorAreaPercent' ? 'bruttoarea' : 'byggnadsarea'} är [utnyttjandegrad:decimaltal] % av fastighetsarean inom ${where}.`,
});
const m2 = (field: BuildingRightField, spread: 'each' | 'shared', suffix: string): BuildingRightProvision => ({
  field, unit: 'kvadratmeter', variable: 'exploatering', spread,
  wording: `Största ${field === 'maxGrossFloorAreaM2' ? 'bruttoarea' : 'byggnadsarea'} är [exploatering:decimaltal] m²${suffix}.`,
});
const height = (heightKind: 'total' | 'nock'): BuildingRightProvision => ({
  field: 'maxHeightM', unit: 'meter', variable: 'höjd', spread: 'each', heightKind,
  wording: `Högsta ${heightKind === 'total' ? 'totalhöjd' : 'nockhöjd'} är [höjd:decimaltal] meter.`,
});

export const BUILDING_RIGHT_PROVISIONS: Record<string, BuildingRightProvision> = {
  '0b56d2a9-dd02-4318-84cc-36d6402fcabd': pct('maxGrossFloorAreaPercent', 'egenskapsområdet'), // StorstaAreaProc_BruttoEgen
  'e0cc2964-bba0-4fe4-bbfa-defe13672303': pct('maxGrossFloorAreaPercent', 'användningsområdet'), // StorstaAreaProc_BruttoAnv
  '1c38a293-b48c-4572-a4a7-5a5d27697ea1': pct('maxBuildingAreaPercent', 'egenskapsområdet'), // StorstaAreaProc_ByggnadsEgen
  '37cfed89-1786-4c31-a3f1-6d9d1fa4cc20': pct('maxBuildingAreaPercent', 'användningsområdet'), // StorstaAreaProc_ByggnadsAnv
  '270259e9-afad-4aa7-ba88-f9580bc1e926': m2('maxGrossFloorAreaM2', 'shared', ''), // StorstaAreaKvm_Brutto
  'c0d19d33-d378-4a5b-ba20-53c57069c2ca': m2('maxGrossFloorAreaM2', 'each', ' inom användningsområdet'), // StorstaAreaKvm_BruttoAnv
  '2bd7f01b-ac79-45b4-a24d-093620e7e2f2': m2('maxBuildingAreaM2', 'shared', ''), // StorstaAreaKvm_Byggnadsarea
  '27303a9a-6a4b-40e7-b284-8df8fa9e8d43': m2('maxBuildingAreaM2', 'each', ' inom användningsområdet'), // StorstaAreaKvm_ByggnadsareaAnv
  '05c9ec9d-65e2-4a64-a711-3fde76f1c4f8': height('total'), // HogstaHojd_Totalhojd
  'ee5f8de3-89b0-479a-a5cb-7439d40623e8': height('nock'), // HogstaHojd_Nockhojd
};

/**
 * Building-right provisions Etablera reads but cannot put on a zone: per property (the
 * zone does not know its properties), per building type, below ground, or heights above a
 * datum (not from the ground). They are kept with the plan and exported, not interpreted.
 */
export const UNINTERPRETED_BUILDING_RIGHTS: Record<string, string> = {
  'ecef161f-dd5b-488c-a3f3-c9759a3d5a63': 'gross floor area per property',
  '4d971f5d-eb6f-4ca0-b20d-8d7005a9c617': 'building area per property',
  '35d39010-6095-4dcf-888b-7231779a45fa': 'gross floor area per building type',
  'dc4c4b93-5135-4dc0-9ca9-108b686db3a9': 'building area per building type',
  '252e91bf-9831-4088-a585-fd857a720c97': 'gross floor area below ground',
  '912a1a73-ad9d-418d-9ffd-19ecb2cc9c7f': 'ridge height above a datum',
  'd40b2afb-55ce-4882-b785-9a854be62feb': 'total height above a datum',
  '2ecd7d4e-1c26-494b-9f4e-5f33c753a715': 'ridge height of one kind of structure',
  '1256e958-fbb9-44c1-8f68-74e4bddf9f6e': 'total height of one kind of structure',
  '5313b947-b6d2-4500-bd6b-1b365cc8e6ec': 'ridge height of one kind of structure above a datum',
  'a6990493-b450-4350-a402-eb913e4a9c50': 'total height of one kind of structure above a datum',
  '1cf547e1-877e-47a3-b82a-1448c1e0e8ed': 'largest area in per cent, as free text',
  'e1423d9f-e4e6-4f2c-9df7-0e9970a119ad': 'highest height, as free text',
  'd1f3a149-c107-4b4f-8304-bdd98e609467': 'number of storeys of an older plan',
};

/** The provision to export a zone field with (zones drawn in Etablera). */
export const EXPORT_PROVISION: Record<BuildingRightField, string> = {
  maxGrossFloorAreaPercent: '0b56d2a9-dd02-4318-84cc-36d6402fcabd',
  maxBuildingAreaPercent: '1c38a293-b48c-4572-a4a7-5a5d27697ea1',
  maxGrossFloorAreaM2: '270259e9-afad-4aa7-ba88-f9580bc1e926',
  maxBuildingAreaM2: '2bd7f01b-ac79-45b4-a24d-093620e7e2f2',
  maxHeightM: '05c9ec9d-65e2-4a64-a711-3fde76f1c4f8',
};
