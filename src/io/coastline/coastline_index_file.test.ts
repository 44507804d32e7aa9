import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { coastlineFromBins, parseBinnedShoreline, type Coastline } from '../../core/coastline/index.js';
import { projectPath } from '../project_files.js';
import { BUNDLED_COASTLINE_INDEX_FILE, bundledCoastlinePath, loadBundledCoastline, sha256Hex } from './bundled_coastline.js';
import { decodeCoastlineIndex, encodeCoastlineIndex } from './coastline_index_file.js';

const sourceBytes = readFileSync(bundledCoastlinePath());
const sourceSha = sha256Hex(sourceBytes);
const built = coastlineFromBins(parseBinnedShoreline(sourceBytes.toString('utf8'), 'bundled'));

/** Every array and number of a coastline's index, comparable with toEqual. */
function indexOf(c: Coastline): unknown {
  const g = c.grid;
  return {
    label: c.label, bounds: c.bounds, nx: g.nx, ny: g.ny, cellsPerDeg: g.cellsPerDeg,
    u: Array.from(g.polylines.u), v: Array.from(g.polylines.v), start: Array.from(g.polylines.start),
    cellEdgeStart: Array.from(g.cellEdgeStart), cellEdges: Array.from(g.cellEdges), cellState: Array.from(g.cellState),
  };
}

describe('the prebuilt index of the bundled coastline', () => {
  test('is the index built from the shipped JSON, array for array (stale after a change: run scripts/build_coastline_index.ts)', () => {
    const shipped = decodeCoastlineIndex(readFileSync(projectPath(BUNDLED_COASTLINE_INDEX_FILE)), sourceSha);
    expect(shipped).not.toBeNull();
    expect(indexOf(shipped!)).toEqual(indexOf(built));
  });

  test('loadBundledCoastline takes it (its arrays are shared memory) and answers as the built one', () => {
    const loaded = loadBundledCoastline();
    expect(loaded.grid.cellState.buffer).toBeInstanceOf(SharedArrayBuffer);
    for (const [lon, lat] of [[131.87645, 37.25132], [131.87292, 37.24789], [130.9, 37.5], [129.3, 36.0], [131.0, 37.0]]) {
      expect(loaded.isLand(lon, lat)).toBe(built.isLand(lon, lat));
    }
    expect(loaded.firstShoreCrossing(131.8685, 37.2479, 131.8755, 37.2479)).toBe(built.firstShoreCrossing(131.8685, 37.2479, 131.8755, 37.2479));
  });
});

describe('decodeCoastlineIndex', () => {
  const bytes = encodeCoastlineIndex(built, 'bundled.json', sourceSha);

  test('round-trips an index', () => {
    expect(indexOf(decodeCoastlineIndex(bytes, sourceSha)!)).toEqual(indexOf(built));
  });

  test('ignores an index of another source, a damaged file and a file that is not an index', () => {
    expect(decodeCoastlineIndex(bytes, '0'.repeat(64))).toBeNull();
    expect(decodeCoastlineIndex(bytes.subarray(0, bytes.length >> 1), sourceSha)).toBeNull();
    expect(decodeCoastlineIndex(new TextEncoder().encode('{"not": "gzip"}'), sourceSha)).toBeNull();
    expect(decodeCoastlineIndex(gzipSync(Buffer.from([200, 0, 0, 0, 123])), sourceSha)).toBeNull();
  });
});
