// The browser application runs these modules unchanged in a Web Worker, so none of them may reach
// Node: this walks the static import graph from each browser entry module and fails naming the
// chain of imports that gets to a `node:*` specifier, a Node builtin (fs, path, worker_threads, ...)
// or a Node-only package entry. `import type` / `export type` are erased by the compiler and not
// followed; dynamic `import('h5wasm')` is allowed (open_forcing_bytes.ts loads h5wasm lazily).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { findRepoRoot } from '../io/project_files.js';

const root = findRepoRoot();

/** Package entries that exist for Node only (a bare name not listed is taken as browser-safe). */
const NODE_ONLY_PACKAGES = ['h5wasm/node', 'better-sqlite3', 'pg', 'tsx', 'fastify', 'pdfkit'];

/** The modules a browser Worker imports, besides every src/core/**\/index.ts. */
const BROWSER_ENTRIES = [
  'src/io/netcdf/open_forcing_bytes.ts',
  'src/app/browser.ts',
  'src/app/case_file/drift_case.ts',
  'src/app/plan/plan_file.ts',
  'src/app/drift_job/forcing_chain.ts',
  'src/app/drift_job/forcing_bytes.ts',
  'src/app/drift_job/job_coastline.ts',
  'src/app/plan/plan_after_drift.ts',
  'src/app/plan/plan_files.ts',
];

function coreIndexModules(): string[] {
  return (readdirSync(join(root, 'src/core'), { recursive: true }) as string[])
    .filter((f) => f === 'index.ts' || f.endsWith('/index.ts'))
    .map((f) => `src/core/${f}`)
    .sort();
}

const importsOf = new Map<string, string[]>();

/** The specifiers a module imports or re-exports at run time (type-only ones left out). */
function runtimeImports(file: string): string[] {
  const known = importsOf.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const specifiers: string[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s)) {
      if (s.importClause?.isTypeOnly) continue;
      specifiers.push((s.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier) {
      if (s.isTypeOnly) continue;
      specifiers.push((s.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  importsOf.set(file, specifiers);
  return specifiers;
}

/** The source file a relative specifier names (`./x.js` is `./x.ts` in the sources). */
function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  }
  throw new Error(`${relative(root, from)}: cannot find the module '${specifier}'`);
}

function isNodeOnly(specifier: string): boolean {
  return specifier.startsWith('node:') || isBuiltin(specifier) || NODE_ONLY_PACKAGES.some((p) => specifier === p || specifier.startsWith(`${p}/`));
}

/** Every chain from `entry` that ends at a Node-only import, and the modules visited. */
function nodeImportChains(entry: string): { chains: string[]; visited: Set<string> } {
  const chains: string[] = [];
  const visited = new Set<string>();
  const walk = (file: string, path: readonly string[]): void => {
    if (visited.has(file)) return;
    visited.add(file);
    const here = [...path, relative(root, file)];
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) walk(resolveModule(file, specifier), here);
      else if (isNodeOnly(specifier)) chains.push([...here, specifier].join(' -> '));
    }
  };
  walk(join(root, entry), []);
  return { chains, visited };
}

describe('browser entry modules reach no Node module', () => {
  test.each([...coreIndexModules(), ...BROWSER_ENTRIES])('%s', (entry) => {
    expect(nodeImportChains(entry).chains).toEqual([]);
  });
});

describe('the import walker', () => {
  test('names the chain to a Node builtin', () => {
    const { chains } = nodeImportChains('src/app/plan/index.ts');
    expect(chains).toContain('src/app/plan/index.ts -> src/app/plan/load_plan_case.ts -> src/io/text_file.ts -> node:fs');
    expect(chains).toContain('src/app/plan/index.ts -> src/app/plan/load_plan_case.ts -> src/app/case_file/load_drift_case.ts -> node:path');
  });

  test('follows re-exports down to the leaf modules', () => {
    const { visited } = nodeImportChains('src/app/browser.ts');
    const files = [...visited].map((f) => relative(root, f));
    expect(files).toEqual(expect.arrayContaining(['src/io/netcdf/open_forcing_bytes.ts', 'src/io/netcdf/netcdf3_dataset.ts', 'src/io/yaml_file.ts', 'src/core/search/sweep_width_tables.ts']));
  });

  test('skips type-only imports and sees side-effect imports', () => {
    expect(runtimeImports(join(root, 'src/app/drift_job/forcing_chain.ts'))).not.toContain('../../io/netcdf/forcing_file.js');
    expect(runtimeImports(join(root, 'src/app/drift_job/worker.ts'))).toContain('node:worker_threads');
  });
});
