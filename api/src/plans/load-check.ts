import type { CheckedFeature } from '../layers/check-features';
import type { LoadIssue } from '../layers/load-error';
import { PLAN_LEVEL_FIELDS } from './schema';

// What a plans layer file must satisfy across its features (the loader asks the registry).

/** Every zone of a plan must carry the same plan-level fields. */
export function planConsistency(items: CheckedFeature[]): LoadIssue[] {
  const first = new Map<string, CheckedFeature>();
  const issues: LoadIssue[] = [];
  for (const item of items) {
    const planId = item.properties.planId as string;
    const seen = first.get(planId);
    if (!seen) {
      first.set(planId, item);
      continue;
    }
    const differs = PLAN_LEVEL_FIELDS.find((k) => (item.properties[k] ?? null) !== (seen.properties[k] ?? null));
    if (differs) {
      issues.push({
        index: item.index,
        ref: item.ref,
        reason: `${differs} differs from feature ${seen.index} of the same plan '${planId}'`,
      });
    }
  }
  return issues;
}
