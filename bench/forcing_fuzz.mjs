// The longer fuzz run of the forcing readers (the suite runs src/io/netcdf/forcing_fuzz.test.ts):
// seeded mutations of every file in data/forcing, each opened as a user's file. Prints, per file,
// how many opened, were refused with sarbridge's error naming the file, were stopped at the
// worker deadline (NetCDF4 files h5wasm loops on), and any other outcome (which is a bug, listed
// with its seed and index so it can be repeated). Needs `npm run build` first.
// Usage: node bench/forcing_fuzz.mjs [mutants per file, default 1000] [seed, default 1]
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFileError } from '../dist/core/errors.js';
import { mutateBytes, seededRandom } from '../dist/io/netcdf/fuzz_mutations.js';
import { openForcingFile } from '../dist/io/netcdf/index.js';

const data = fileURLToPath(new URL('../data/forcing/', import.meta.url));
const perFile = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const DEADLINE_MS = 5000;
const dir = mkdtempSync(join(tmpdir(), 'sarbridge-fuzz-'));
const files = readdirSync(data, { recursive: true }).filter((f) => String(f).endsWith('.nc')).map(String).sort();
let bugs = 0;
const started = performance.now();
for (const file of files) {
  const original = new Uint8Array(readFileSync(join(data, file)));
  const random = seededRandom(seed);
  const counts = { opened: 0, refused: 0, stopped: 0, other: 0 };
  let slowestMs = 0;
  for (let k = 0; k < perFile; k++) {
    const { bytes, how } = mutateBytes(original, random);
    const path = join(dir, `m${k}.nc`);
    writeFileSync(path, bytes);
    const t0 = performance.now();
    try {
      await openForcingFile(path, { deadlineMs: DEADLINE_MS });
      counts.opened++;
    } catch (error) {
      if (error instanceof DataFileError && error.message.startsWith(`${path}: `)) {
        if (/did not finish within/.test(error.message)) counts.stopped++; else counts.refused++;
      } else {
        counts.other++;
        bugs++;
        console.log(`  BUG ${file} seed ${seed} mutation ${k} (${how}): ${error?.name}: ${String(error?.message).split('\n')[0]}`);
      }
    }
    const ms = performance.now() - t0;
    if (!(ms < DEADLINE_MS)) continue;   // the stopped ones are the deadline
    slowestMs = Math.max(slowestMs, ms);
  }
  console.log(`${file}: ${perFile} mutants: ${counts.opened} opened, ${counts.refused} refused naming the file, ` +
    `${counts.stopped} stopped at the ${DEADLINE_MS / 1000} s deadline, ${counts.other} other; slowest answer below the deadline ${slowestMs.toFixed(0)} ms`);
}
rmSync(dir, { recursive: true, force: true });
console.log(`${files.length} files × ${perFile} mutants in ${((performance.now() - started) / 1000).toFixed(0)} s; ${bugs} outcomes that are not sarbridge's errors`);
process.exitCode = bugs > 0 ? 1 : 0;
