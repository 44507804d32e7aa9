/**
 * Build the prebuilt index of the bundled coastline, data/coastline/gshhg_f_127E-135E_33N-41N.index.gz,
 * from data/coastline/gshhg_f_127E-135E_33N-41N.json (see src/io/coastline/coastline_index_file.ts
 * and data/coastline/PROVENANCE.md). Run it after the JSON or coastlineFromBins changes; the test
 * src/io/coastline/coastline_index_file.test.ts fails while the shipped index is stale.
 *
 *   npx tsx scripts/build_coastline_index.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { coastlineFromBins, parseBinnedShoreline } from '../src/core/coastline/index.js';
import { BUNDLED_COASTLINE_INDEX_FILE, bundledCoastlinePath, sha256Hex } from '../src/io/coastline/bundled_coastline.js';
import { encodeCoastlineIndex } from '../src/io/coastline/coastline_index_file.js';
import { projectPath } from '../src/io/project_files.js';

const source = bundledCoastlinePath();
const bytes = readFileSync(source);
const sha256 = sha256Hex(bytes);
const coastline = coastlineFromBins(parseBinnedShoreline(bytes.toString('utf8'), source));
const out = projectPath(BUNDLED_COASTLINE_INDEX_FILE);
const index = encodeCoastlineIndex(coastline, basename(source), sha256);
writeFileSync(out, index);
const s = coastline.stats();
console.log(`${out}: ${coastline.label}, ${s.cellCount} cells at 1/${s.cellsPerDeg}°, ${s.shorelinePoints} shoreline points, ` +
  `${(s.bytes / 1e6).toFixed(2)} MB of index in ${(index.length / 1e6).toFixed(2)} MB gzip; from ${basename(source)} sha256 ${sha256}`);
