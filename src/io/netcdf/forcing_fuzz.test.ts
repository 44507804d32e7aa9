// A fuzz test of the forcing readers (issue 11): seeded mutations of the bundled demo files, each
// opened as a user's file would be. Every one must open or be refused with a DataFileError or
// ForcingFileError naming the file; none may raise a library's own error or hang (a NetCDF4 file
// is read in a worker thread killed at its deadline, so a hang ends as a named error too; no
// timed assertion). The longer run is bench/forcing_fuzz.mjs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { DataFileError } from '../../core/errors.js';
import { mutateBytes, seededRandom } from './fuzz_mutations.js';
import { openForcingFile } from './index.js';

const DATA = fileURLToPath(new URL('../../../data/forcing/', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'sarbridge-fuzz-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const MUTANTS_PER_FILE = 75;
const SEED = 20261202;
/** Generous: a healthy demo file opens in well under a second; only a stuck reader reaches it. */
const DEADLINE_MS = 5000;

describe('corrupted forcing files', () => {
  test.each([
    ['east-sea-synthetic/east-sea-currents.nc'],   // NetCDF3 classic
    ['east-sea-synthetic/east-sea-wind.nc'],       // NetCDF4
    ['uniform/current_uniform_u0_v0.2.nc'],        // NetCDF4
    ['uniform/wind_uniform_u10_v0.nc'],            // NetCDF4
  ])(`${MUTANTS_PER_FILE} seeded mutations of %s open or are refused naming the file`, async (file) => {
    const original = new Uint8Array(readFileSync(join(DATA, file)));
    const random = seededRandom(SEED);
    let refused = 0;
    const unexpected: string[] = [];
    for (let k = 0; k < MUTANTS_PER_FILE; k++) {
      const { bytes, how } = mutateBytes(original, random);
      const path = join(TMP, `${k}-${file.replace(/\W/g, '_')}`);
      writeFileSync(path, bytes);
      try {
        await openForcingFile(path, { deadlineMs: DEADLINE_MS });
      } catch (error) {
        refused++;
        const e = error as Error;
        if (!(error instanceof DataFileError) || !e.message.startsWith(`${path}: `)) unexpected.push(`mutation ${k} (${how}): ${e?.name}: ${e?.message}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(refused).toBeGreaterThan(MUTANTS_PER_FILE / 10);   // the mutations reach the reader's checks
  }, 600_000);
});
