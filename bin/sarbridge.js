#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm run build writes dist/). The bundle of it
// (dist/cli-bundle, scripts/bundle_cli.mjs) starts faster; it is used when it is at least as new
// as the tsc build, so a `tsc -b` without the bundle step never runs stale code.
import { statSync } from 'node:fs';

const mtimeMs = (relative) => { try { return statSync(new URL(relative, import.meta.url)).mtimeMs; } catch { return NaN; } };
const bundled = mtimeMs('../dist/cli-bundle/sarbridge.js') >= mtimeMs('../dist/tsconfig.build.tsbuildinfo');
const { main } = await (bundled ? import('../dist/cli-bundle/sarbridge.js') : import('../dist/app/cli/main.js'));

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(error instanceof Error ? error.message : error); process.exitCode = 1; },
);
