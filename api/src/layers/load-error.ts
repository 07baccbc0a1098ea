/** One problem with one feature of a layer file; index null for the file as a whole. */
export interface LoadIssue {
  index: number | null;
  ref?: string;
  reason: string;
}

/** A layer file that cannot be loaded; nothing was written. */
export class LoadError extends Error {
  constructor(readonly issues: LoadIssue[]) {
    super(issues.map(describeIssue).join('\n'));
    this.name = 'LoadError';
  }
}

/** "feature 12 (ref 'Länna 4:12'): status: Invalid option ..." */
export function describeIssue(i: LoadIssue): string {
  if (i.index === null) return i.reason;
  const ref = i.ref !== undefined ? ` (ref '${i.ref}')` : '';
  return `feature ${i.index}${ref}: ${i.reason}`;
}
