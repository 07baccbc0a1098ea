import { z } from 'zod';
import { MATCH_USES, PLAN_STATUSES } from '../layers/enums';

const once = (what: string) => ({ error: `must be given once, ${what}` });
const areaRef = z.string(once('as an area ref such as lanna')).min(1, 'must not be empty');
const use = z.enum(MATCH_USES, { error: `must be one of ${MATCH_USES.join(', ')}` });
/** `format=csv` answers a UTF-8 CSV with BOM (Excel); `lang=sv` gives Swedish headers, `;` and decimal commas. */
const output = {
  format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional(),
  lang: z.enum(['sv', 'en'], { error: 'must be sv or en' }).optional(),
};

export const readinessQuery = z.strictObject({ area: areaRef.optional(), use: use.optional(), ...output });
export type ReadinessQuery = z.output<typeof readinessQuery>;

export const pipelineQuery = z.strictObject({
  area: areaRef.optional(),
  status: z.enum(PLAN_STATUSES, { error: `must be one of ${PLAN_STATUSES.join(', ')}` }).optional(),
  ...output,
});
export type PipelineQuery = z.output<typeof pipelineQuery>;

export const unmetDemandQuery = z.strictObject({ area: areaRef.optional(), use: use.optional(), ...output });
export type UnmetDemandQuery = z.output<typeof unmetDemandQuery>;

export type OutputOptions = { format?: 'json' | 'csv'; lang?: 'sv' | 'en' };
