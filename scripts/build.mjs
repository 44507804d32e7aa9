#!/usr/bin/env node
// Build what changed, and only that, so `npm start` reaches the address in seconds:
//   1. the server and CLI: tsc -b tsconfig.build.json (incremental, its .tsbuildinfo in dist/).
//      Build mode, not `tsc -p … --incremental`: with nothing changed, -p still builds the whole
//      program to compare file hashes (12-19 s here), while -b compares timestamps (about 1.5 s).
//      -b trusts the .tsbuildinfo alone, so a compiled file missing from dist/ forces a full build;
//   1b. the CLI bundle, dist/cli-bundle (scripts/bundle_cli.mjs, esbuild), after every tsc build;
//   2. the browser application: vite build --config src/web/vite.config.ts, only when that config
//      exists and a file it bundles (src/web, src/app, src/core, src/io, data, package-lock.json)
//      is newer than dist/web/.build-stamp, or the built index.html is missing.
// One line per step says what was rebuilt or that it was up to date, and how long it took.
// Exit code: that of the first step that failed (its output is shown).
import { spawnSync } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingOutputs, newestMtimeMs, WEB_INPUTS, webBuildReason } from './build_checks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const seconds = (startMs) => `${((performance.now() - startMs) / 1000).toFixed(1)} s`;

/** Run a tool from node_modules/.bin; on failure show what it said and stop with its code. */
function run(label, tool, args) {
  const result = spawnSync(existsSync(bin(tool)) ? bin(tool) : 'npx', existsSync(bin(tool)) ? args : [tool, ...args], { cwd: root, encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    console.error(`${label}: failed${result.error ? ` (${result.error.message})` : ''}`);
    process.exit(result.status || 1);
  }
  return result.stdout;
}

// 1. server and CLI
let t0 = performance.now();
const missing = missingOutputs(root);
const tscOutput = run('server (tsc)', 'tsc', ['-b', 'tsconfig.build.json', '--verbose', ...(missing.length > 0 ? ['--force'] : [])]);
const rebuilt = /Building project/.test(tscOutput);
console.log(rebuilt
  ? `server (tsc): rebuilt into dist/ in ${seconds(t0)}${missing.length > 0 ? ` (${missing.length} compiled files were missing, e.g. dist/${missing[0].replace(/\.ts$/, '.js')})` : ''}`
  : `server (tsc): up to date (checked in ${seconds(t0)})`);

// 1b. the CLI bundle (scripts/bundle_cli.mjs): after every tsc build, or when missing
t0 = performance.now();
const bundleEntry = join(root, 'dist', 'cli-bundle', 'sarbridge.js');
if (rebuilt || !existsSync(bundleEntry)) {
  const bundled = spawnSync(process.execPath, [join(root, 'scripts', 'bundle_cli.mjs')], { cwd: root, encoding: 'utf8' });
  if (bundled.status !== 0) {
    process.stderr.write(bundled.stderr ?? '');
    console.error('CLI bundle (esbuild): failed');
    process.exit(bundled.status || 1);
  }
  console.log(`CLI bundle (esbuild): rebuilt into dist/cli-bundle in ${seconds(t0)}`);
} else {
  console.log('CLI bundle (esbuild): up to date');
}

// 2. browser application
t0 = performance.now();
const viteConfig = join('src', 'web', 'vite.config.ts');
const reason = webBuildReason(root);
if (!existsSync(join(root, viteConfig))) {
  console.log(`browser app (vite): no ${viteConfig}, nothing to build`);
} else if (reason === null) {
  console.log(`browser app (vite): up to date (checked in ${seconds(t0)})`);
} else {
  const startedMs = Date.now();
  const inputsMs = newestMtimeMs(root, WEB_INPUTS);
  run('browser app (vite)', 'vite', ['build', '--config', viteConfig, '--logLevel', 'warn']);
  // the stamp carries the time the build started: a file saved during the build is newer and rebuilds next time
  const stamp = join(root, 'dist', 'web', '.build-stamp');
  writeFileSync(stamp, `built from sources up to ${new Date(inputsMs).toISOString()}\n`);
  utimesSync(stamp, new Date(startedMs), new Date(startedMs));
  console.log(`browser app (vite): rebuilt into dist/web in ${seconds(t0)} (${reason})`);
}
