import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { coastlineFromRings } from '../../core/coastline/index.js';
import { DataFileError } from '../../core/errors.js';
import { loadBundledCoastline } from './bundled_coastline.js';
import { DEFAULT_GSHHG_PATH, formatRegion, loadGshhgCoastline, readGshhgBins } from './gshhg_reader.js';
import { projectPath } from '../project_files.js';

const haveGshhg = existsSync(DEFAULT_GSHHG_PATH);
const SKIP_REASON = `${DEFAULT_GSHHG_PATH} is absent (install the Debian package gmt-gshhg-full)`;
if (!haveGshhg) console.warn(`gshhg_reader tests against the full file skipped: ${SKIP_REASON}`);

/** Deterministic uniform numbers in [0, 1) (a 32-bit linear congruential generator, Numerical Recipes). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

describe('loadGshhgCoastline (full file)', () => {
  test.skipIf(!haveGshhg)('agrees with the bundled subset at 20,000 random points and 5,000 random steps', async () => {
    const full = await loadGshhgCoastline({ westDeg: 127, southDeg: 33, eastDeg: 135, northDeg: 41 });
    const bundled = loadBundledCoastline();
    expect(full.label).toBe(bundled.label);
    const random = lcg(37241318);
    let land = 0;
    for (let k = 0; k < 20000; k++) {
      const lon = 127 + 8 * random();
      const lat = 33 + 8 * random();
      const a = full.isLand(lon, lat);
      if (a) land++;
      expect(a, `isLand(${lon}, ${lat})`).toBe(bundled.isLand(lon, lat));
    }
    expect(land).toBeGreaterThan(4000); // about a third of the area is land (Korea, Honshu)
    for (let k = 0; k < 5000; k++) {
      const lon = 127 + 8 * random();
      const lat = 33 + 8 * random();
      const lon1 = lon + 0.05 * (random() - 0.5);
      const lat1 = lat + 0.05 * (random() - 0.5);
      expect(full.firstShoreCrossing(lon, lat, lon1, lat1)).toBe(bundled.firstShoreCrossing(lon, lat, lon1, lat1));
    }
  });

  test.skipIf(!haveGshhg)('reads a region across the antimeridian (Fiji) and one across Greenwich (London)', async () => {
    const fiji = await loadGshhgCoastline({ westDeg: 179, southDeg: -17, eastDeg: -179, northDeg: -16 });
    expect(fiji.bounds).toEqual({ westDeg: 179, southDeg: -17, eastDeg: 181, northDeg: -16 });
    expect(fiji.isLand(-179.97, -16.85)).toBe(true); // Taveuni, which the 180th meridian crosses
    expect(fiji.isLand(179.5, -16.5)).toBe(true); // Vanua Levu
    expect(fiji.isLand(179.99, -16.80)).toBe(false); // Somosomo Strait
    const london = await loadGshhgCoastline({ westDeg: -1, southDeg: 51, eastDeg: 1, northDeg: 52 });
    expect(london.isLand(-0.12, 51.5)).toBe(true);
    expect(london.isLand(0.5, 51.6)).toBe(true); // Essex
    expect(london.isLand(1.5, 51.5)).toBe(false); // outside the loaded bins: water by definition
  });

  test.skipIf(!haveGshhg)('keeps lakes as level-2 segments but counts them as land', async () => {
    // Bin 8-9E 45-46N holds Lake Maggiore and Lake Lugano as level-2 polygons.
    const region = { westDeg: 8, southDeg: 45, eastDeg: 9, northDeg: 46 };
    const bins = await readGshhgBins(region);
    // Lake Maggiore: the biggest level-2 segment, entering and leaving by the bin's north side,
    // so the straight bin side closes it into a ring.
    const lakes = bins.bins[0].segments.filter((s) => s.level === 2).sort((a, b) => b.lonDeg.length - a.lonDeg.length);
    expect(lakes[0].entrySide).toBe(2);
    expect(lakes[0].exitSide).toBe(2);
    const ring = Array.from(lakes[0].lonDeg, (lon, p) => [lon, lakes[0].latDeg[p]] as [number, number]);
    const onLake = { lonDeg: 8.60, latDeg: 45.85 }; // between Laveno and Verbania
    expect(coastlineFromRings([ring], region).isLand(onLake.lonDeg, onLake.latDeg)).toBe(true); // inside the lake
    const alps = await loadGshhgCoastline(region);
    expect(alps.isLand(onLake.lonDeg, onLake.latDeg)).toBe(true);
  });
});

describe('readGshhgBins errors', () => {
  test('a missing file says which Debian package to install', async () => {
    await expect(readGshhgBins({ westDeg: 0, southDeg: 0, eastDeg: 1, northDeg: 1 }, '/nonexistent/binned_GSHHS_f.nc'))
      .rejects.toThrow(/nonexistent.*gmt-gshhg-full/);
  });

  test('a file that is not HDF5 is a DataFileError naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sarbridge-coast-'));
    const junk = join(dir, 'junk.nc');
    writeFileSync(junk, 'this is not a NetCDF file');
    await expect(readGshhgBins({ westDeg: 0, southDeg: 0, eastDeg: 1, northDeg: 1 }, junk)).rejects.toThrow(DataFileError);
    await expect(readGshhgBins({ westDeg: 0, southDeg: 0, eastDeg: 1, northDeg: 1 }, junk)).rejects.toThrow(/junk\.nc: is not a NetCDF4\/HDF5 file/);
  });

  test('a NetCDF4 file without the binned variables names the missing variable', async () => {
    const other = projectPath('data/forcing/uniform');
    const files = existsSync(other) ? (await import('node:fs')).readdirSync(other).filter((f) => f.endsWith('.nc')) : [];
    await expect(readGshhgBins({ westDeg: 0, southDeg: 0, eastDeg: 1, northDeg: 1 }, join(other, files[0])))
      .rejects.toThrow(/variable 'Bin_size_in_minutes' is missing/);
  });

  test('a NetCDF3 file is refused as such', async () => {
    const nc3 = projectPath('data/forcing/east-sea-synthetic/east-sea-currents.nc'); // NetCDF3 classic
    await expect(readGshhgBins({ westDeg: 0, southDeg: 0, eastDeg: 1, northDeg: 1 }, nc3)).rejects.toThrow(/NetCDF3 classic/);
  });

  test('an impossible region is refused', async () => {
    await expect(readGshhgBins({ westDeg: 0, southDeg: 10, eastDeg: 1, northDeg: 5 })).rejects.toThrow(/region/);
  });
});

describe('formatRegion', () => {
  test('names hemispheres', () => {
    expect(formatRegion({ westDeg: 127, southDeg: 33, eastDeg: 135, northDeg: 41 })).toBe('127-135E 33-41N');
    expect(formatRegion({ westDeg: -1, southDeg: 51, eastDeg: 1, northDeg: 52 })).toBe('1W-1E 51-52N');
    expect(formatRegion({ westDeg: 179, southDeg: -17, eastDeg: 181, northDeg: -16 })).toBe('179E-179W 17-16S');
  });
});
