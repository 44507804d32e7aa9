/**
 * Regenerate the bundled coastline subset data/coastline/gshhg_f_127E-135E_33N-41N.json from
 * GSHHG's full-resolution binned file (Debian package gmt-gshhg-full).
 *
 *   npx tsx scripts/extract_coastline.ts [path/to/binned_GSHHS_f.nc]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatBinnedShoreline } from '../src/core/coastline/index.js';
import {
  BUNDLED_COASTLINE_FILE, DEFAULT_GSHHG_PATH, findRepoRoot, readGshhgBins,
} from '../src/io/coastline/index.js';

const REGION = { westDeg: 127, southDeg: 33, eastDeg: 135, northDeg: 41 };

const source = process.argv[2] ?? DEFAULT_GSHHG_PATH;
const shoreline = await readGshhgBins(REGION, source);
const text = formatBinnedShoreline(shoreline);
const out = join(findRepoRoot(), BUNDLED_COASTLINE_FILE);
writeFileSync(out, text);
const segments = shoreline.bins.reduce((n, b) => n + b.segments.length, 0);
const points = shoreline.bins.reduce((n, b) => n + b.segments.reduce((m, s) => m + s.lonDeg.length, 0), 0);
console.log(`${out}: ${shoreline.label}, ${shoreline.bins.length} bins, ${segments} segments, ` +
  `${points} points, ${(text.length / 1e6).toFixed(2)} MB`);
