// Static scans of the contract and the client, for tests/contract/*.test.ts. Plain text
// analysis (no compiler): imports by regex, string literals by regex, enough to catch a
// copied enum or a Node import and simple enough to read.
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const CONTRACT = path.join(ROOT, 'api/src/contract');
export const CLIENT = path.join(ROOT, 'map-client/src');

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a TypeScript source imports or re-exports. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function resolveLocal(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [`${base}.ts`, path.join(base, 'index.ts'), base]) if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  throw new Error(`${path.relative(ROOT, from)}: cannot resolve '${spec}'`);
}

/** Every file reachable from `entry` by relative imports, and the packages they import. */
export function importGraph(entry: string): { files: string[]; packages: Map<string, string[]> } {
  const files = new Set<string>();
  const packages = new Map<string, string[]>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) visit(resolveLocal(file, spec));
      else packages.set(spec, [...(packages.get(spec) ?? []), path.relative(ROOT, file)]);
    }
  };
  visit(entry);
  return { files: [...files].sort(), packages };
}

/** All .ts files under a folder. */
export function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/**
 * Lists (`[...]`) and unions (`'a' | 'b'`) of two or more string literals in a source, each
 * with its line: where a copied enum would sit.
 */
export function literalGroups(source: string): Array<{ line: number; kind: 'list' | 'union'; values: string[] }> {
  const out: Array<{ line: number; kind: 'list' | 'union'; values: string[] }> = [];
  const lineOf = (i: number) => source.slice(0, i).split('\n').length;
  const lit = `'[^'\\n]*'|"[^"\\n]*"`;
  const list = new RegExp(`\\[\\s*((?:${lit})(?:\\s*,\\s*(?:${lit}))+)\\s*,?\\s*\\]`, 'g');
  const union = new RegExp(`((?:${lit})(?:\\s*\\|\\s*(?:${lit}))+)`, 'g');
  for (const [kind, re] of [['list', list], ['union', union]] as const) {
    for (const m of source.matchAll(re)) {
      const values = [...m[1].matchAll(new RegExp(lit, 'g'))].map((v) => v[0].slice(1, -1));
      out.push({ line: lineOf(m.index!), kind, values });
    }
  }
  return out;
}
