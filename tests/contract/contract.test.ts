// The contract (api/src/contract) is the one place the API's language is declared: it must
// stay importable by a browser, and the client must not keep copies of it.
import fs from 'node:fs';
import path from 'node:path';
import * as contract from '../../api/src/contract';
import * as enums from '../../api/src/contract/enums';
import { CLIENT, CONTRACT, ROOT, importGraph, importsOf, literalGroups, tsFiles } from './scan';

/** Packages the contract may reach: zod, and GeoJSON's type declarations. */
const ALLOWED_PACKAGES = ['zod', 'geojson'];
/** Pure helpers outside the folder the contract reuses (no I/O, no framework). */
const ALLOWED_OUTSIDE = ['api/src/geo/bbox.ts', 'api/src/geo/crs.ts', 'api/src/geo/sweden.ts'];

const rel = (f: string) => path.relative(ROOT, f);
const read = (f: string) => fs.readFileSync(f, 'utf8');

/** The contract's enumerations: every exported array of strings in enums.ts. */
const stringLists = (mod: object) =>
  (Object.entries(mod) as Array<[string, unknown]>).filter(
    (e): e is [string, readonly string[]] => Array.isArray(e[1]) && e[1].length > 1 && e[1].every((v: unknown) => typeof v === 'string'),
  );
const ENUMS = stringLists(contract);

/**
 * Groups of string literals that retype a contract enum: a union type of three or more of its
 * values, or exactly all of it (a list of just its values, three or more; a two-value enum only as
 * a union: a two-item list is too often a coincidence). A list of some values is a choice
 * (the layers a page offers), not a copy.
 */
function enumCopies(source: string, lists = ENUMS): Array<{ line: number; enumName: string; values: string[] }> {
  const found: Array<{ line: number; enumName: string; values: string[] }> = [];
  for (const g of literalGroups(source)) {
    for (const [enumName, values] of lists) {
      const hits = new Set(g.values.filter((v) => values.includes(v)));
      const whole = hits.size === values.length && g.values.every((v) => values.includes(v)) && (values.length > 2 || g.kind === 'union');
      if (whole || (g.kind === 'union' && hits.size >= 3)) found.push({ line: g.line, enumName, values: g.values });
    }
  }
  return found;
}

/** Names of the types and interfaces the contract exports. */
function contractTypeNames(): Set<string> {
  const names = new Set<string>();
  for (const f of tsFiles(CONTRACT)) {
    for (const m of read(f).matchAll(/export\s+(?:type|interface)\s+(\w+)/g)) names.add(m[1]);
  }
  return names;
}

describe('the contract module', () => {
  test('when its import graph is walked, then it reaches only zod and GeoJSON types: no Node, Express, pg or fs', () => {
    const { files, packages } = importGraph(path.join(CONTRACT, 'index.ts'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.map(rel).filter((f) => !f.startsWith('api/src/contract/') && !ALLOWED_OUTSIDE.includes(f))).toEqual([]);
    expect([...packages.keys()].filter((p) => !ALLOWED_PACKAGES.includes(p))).toEqual([]);
    expect([...packages.keys()]).toContain('zod');
  });

  test('when a source imports Node, pg or a local module in any form, then the scan sees each import', () => {
    const src = `import fs from 'node:fs';\nimport type { Pool } from 'pg';\nexport { a } from './a';\nimport './side-effect';\nconst e = require('express');\nconst l = await import('./lazy');`;
    expect(importsOf(src)).toEqual(['node:fs', 'pg', './a', './side-effect', 'express', './lazy']);
  });

  test('when every endpoint is listed, then each has a unique operationId and its path parameters are declared', () => {
    const ids = contract.ENDPOINTS.map((e) => e.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of contract.ENDPOINTS) {
      const inPath = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const shape = (e.request?.params as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      expect({ path: e.path, params: Object.keys(shape).sort() }).toEqual({ path: e.path, params: inPath });
    }
  });
});

describe('the server and the contract', () => {
  test('when api/src outside the contract is scanned, then no list or union retypes an enum of the contract', () => {
    const files = tsFiles(path.join(ROOT, 'api/src')).filter((f) => !f.startsWith(CONTRACT + path.sep));
    expect(files.length).toBeGreaterThan(50);
    const copies = files.flatMap((f) => enumCopies(read(f), stringLists(enums)).map((c) => `${rel(f)}:${c.line} ${c.enumName} [${c.values.join(', ')}]`));
    expect(copies).toEqual([]);
  });
});

describe('the map client and the contract', () => {
  const files = tsFiles(CLIENT);

  test('when the client is scanned, then no list or union retypes a contract enum', () => {
    const copies = files.flatMap((f) => enumCopies(read(f)).map((c) => `${rel(f)}:${c.line} ${c.enumName} [${c.values.join(', ')}]`));
    expect(copies).toEqual([]);
  });

  test('when a copied enum is scanned, then it is found (as a union and as a list)', () => {
    expect(enumCopies(`type Use = 'office' | 'retail' | 'industry' | 'logistics' | 'lab';`).map((c) => c.enumName)).toContain('MATCH_USES');
    expect(enumCopies(`const S = ['available', 'let', 'withdrawn'];`).map((c) => c.enumName)).toContain('PREMISES_STATUSES');
    expect(enumCopies(`type S = 'consultation' | 'review' | 'adopted';`).map((c) => c.enumName)).toContain('PLAN_STATUSES');
    expect(enumCopies(`type Lang = 'sv' | 'en';`).map((c) => c.enumName)).toContain('LANGS');
    expect(enumCopies(`const layers = ['land', 'plans'];`)).toEqual([]);
  });

  test('when the client is scanned, then it declares no type or interface named like one of the contract', () => {
    const names = contractTypeNames();
    expect(names).toContain('MatchResponse');
    const own = files.flatMap((f) =>
      [...read(f).matchAll(/^\s*(?:export\s+)?(?:interface\s+(\w+)|type\s+(\w+)\s*(?:<[^>]*>)?\s*=)/gm)]
        .map((m) => m[1] ?? m[2])
        .filter((n) => names.has(n))
        .map((n) => `${rel(f)}: ${n}`),
    );
    expect(own).toEqual([]);
  });

  test('when each page is scanned, then it imports from the contract', () => {
    for (const page of ['map', 'editor', 'staff', 'planner', 'intake', 'pitch']) {
      const importing = tsFiles(path.join(CLIENT, page)).filter((f) => importsOf(read(f)).includes('@etablera/contract'));
      expect({ page, importsContract: importing.length > 0 }).toEqual({ page, importsContract: true });
    }
  });

  test('when the client is scanned, then it has one HTTP client, one DOM builder and one language store', () => {
    const calling = (re: RegExp) => files.filter((f) => re.test(read(f))).map(rel);
    // basemap.ts fetches a third-party style document, not the API
    expect(calling(/\bfetch\(/)).toEqual(['map-client/src/map/basemap.ts', 'map-client/src/shared/api.ts']);
    expect(calling(/function h\b|function h</)).toEqual(['map-client/src/shared/dom.ts']);
    expect(calling(/localStorage/)).toEqual(['map-client/src/shared/i18n.ts']);
  });
});
