// Bundle the CLI (from src/, esbuild strips the types; tsc checks them) into dist/cli-bundle/, so a command
// loads a handful of files instead of some 470 modules (the drift command's graph: sarbridge's
// own 200 modules and TypeBox's 250; 0.15 s of CPU at start-up). Entries: the CLI and the worker
// threads it starts (drift, forcing reader, exercise trials, the server's drift pool), each at the name its `new URL('./…',
// import.meta.url)` expects, all in one folder; code splitting keeps each command in its own chunk,
// loaded only when that command runs, so `--help` stays small. Only pure-JS packages are bundled
// (BUNDLED); the others (h5wasm's WebAssembly, native modules, the server and PDF libraries, which
// read files next to their own code) stay imports from node_modules. bin/sarbridge.js runs the
// bundle when it is newer than the tsc build, else dist/ as compiled. The bundle must sit inside
// the project (it finds data/ by walking up to package.json, and packages in node_modules).
// Usage: node scripts/bundle_cli.mjs [output folder, default dist/cli-bundle] (run by scripts/build.mjs after tsc)
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE_DIR = 'dist/cli-bundle';
const BUNDLED = new Set(['@sinclair/typebox', 'yaml', 'commander', 'proj4', 'netcdfjs', 'iobuffer', 'cli-progress', 'geographiclib-geodesic']);
const packageOf = (path) => (path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]);

const out = process.argv[2] ?? join(root, BUNDLE_DIR);
rmSync(out, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: {
    sarbridge: 'src/app/cli/main.ts',
    worker: 'src/app/drift_job/worker.ts',
    forcing_open_worker: 'src/io/netcdf/forcing_open_worker.ts',
    trial_worker: 'src/app/exercise/trial_worker.ts',
    drift_pool_worker: 'src/app/drift_job/drift_pool_worker.ts',
  },
  bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', outdir: out, logLevel: 'warning',
  // CommonJS packages bundled into ES modules call require() for Node's built-ins
  banner: { js: "import { createRequire as __sarbridgeCreateRequire } from 'node:module'; const require = __sarbridgeCreateRequire(import.meta.url);" },
  plugins: [{
    name: 'only-pure-js-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('node:') || !BUNDLED.has(packageOf(a.path)) ? { path: a.path, external: true } : undefined));
    },
  }],
});
