// What scripts/build.mjs must rebuild: pure checks on the file tree, tested in test/build_checks.test.ts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the browser application's bundle is made from (the Worker bundles src/app, src/core, src/io and data files). */
export const WEB_INPUTS = ['src/web', 'src/app', 'src/core', 'src/io', 'data', 'package-lock.json'];

/** The newest modification time (ms) of the files under `paths` of `root` (folders walked, node_modules skipped; 0 when none). */
export function newestMtimeMs(root, paths) {
  let newest = 0;
  const visit = (path) => {
    let stat;
    try { stat = statSync(path); } catch { return; }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const p of paths) visit(join(root, p));
  return newest;
}

/** Sources tsconfig.build.json compiles (src/**.ts but src/web, tests, test support) whose dist/….js is missing. */
export function missingOutputs(root) {
  const missing = [];
  const visit = (dir) => {
    for (const entry of readdirSync(join(root, 'src', dir), { withFileTypes: true })) {
      const rel = dir ? join(dir, entry.name) : entry.name;
      if (entry.isDirectory()) { if (rel !== 'web' && rel !== 'test_support') visit(rel); continue; }
      if (!entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts') || entry.name.endsWith('.test.ts') || entry.name.endsWith('_test_support.ts')) continue;
      if (!existsSync(join(root, 'dist', rel.replace(/\.ts$/, '.js')))) missing.push(rel);
    }
  };
  visit('');
  return missing;
}

/**
 * Why the browser application must be built, or null when dist/web is up to date: no vite config
 * (null too: nothing to build), no earlier build, or an input newer than dist/web/.build-stamp.
 */
export function webBuildReason(root) {
  if (!existsSync(join(root, 'src', 'web', 'vite.config.ts'))) return null;
  const stamp = join(root, 'dist', 'web', '.build-stamp');
  if (!existsSync(stamp) || !existsSync(join(root, 'dist', 'web', 'index.html'))) return 'no earlier build';
  return newestMtimeMs(root, WEB_INPUTS) > statSync(stamp).mtimeMs ? 'sources changed' : null;
}
