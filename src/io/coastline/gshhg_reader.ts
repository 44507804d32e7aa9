import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import h5wasm, { Dataset } from 'h5wasm/node';
import {
  coastlineFromBins, type BinnedShoreline, type Coastline, type CoastlineOptions, type ShorelineBin,
  type ShorelineSegment,
} from '../../core/coastline/index.js';
import type { BoundsDeg } from '../../core/environment/index.js';
import { DataFileError, InvalidInputError } from '../../core/errors.js';

/** Where Debian's package gmt-gshhg-full installs GSHHG's full-resolution binned shorelines. */
export const DEFAULT_GSHHG_PATH = '/usr/share/gmt-gshhg/binned_GSHHS_f.nc';

/**
 * Read the shoreline bins covering a region from a GMT binned GSHHG file (NetCDF4/HDF5, GSHHG 2.x,
 * Wessel & Smith 1996), in the order south to north, west to east. The region is widened to whole
 * bins; west > east means the region crosses the antimeridian.
 *
 * The encoding, as read from the file's variables and checked against the data (corner levels of
 * neighbouring bins agree, and crossings of each bin's diagonal reproduce its corner levels):
 * - bins are numbered row by row from the north pole, west to east from 0°E:
 *   bin = row × N_bins_in_360_longitude_range + column, row 0 touching 90°N;
 * - `Embedded_node_levels_in_a_bin` packs the four corner levels in 3 bits each, SW in bits 9-11,
 *   SE in 6-8, NE in 3-5, NW in 0-2;
 * - `Embedded_npts_levels_exit_entry_for_a_segment` packs point count (bits 9 and up), level
 *   (6-8), entry side (3-5) and exit side (0-2), sides 0 S, 1 E, 2 N, 3 W, 4 none (closed);
 * - point offsets are unsigned 16-bit in 1/65535 of a bin from the bin's south-west corner
 *   (stored as signed shorts, so read them modulo 65536);
 * - Antarctica: level-1 segments give the ice front, matching `Embedded_node_levels_in_a_bin`;
 *   level-6 segments (the grounding line, which goes with `..._ANT`) are skipped.
 *
 * Throws DataFileError when the file is missing (install Debian package gmt-gshhg-full) or is not
 * such a file.
 */
export async function readGshhgBins(region: BoundsDeg, path: string = DEFAULT_GSHHG_PATH): Promise<BinnedShoreline> {
  checkRegion(region);
  if (!existsSync(path)) {
    throw new DataFileError(path, 'GSHHG binned shoreline file not found; install the Debian package gmt-gshhg-full');
  }
  checkHdf5Signature(path);
  await h5wasm.ready;
  let file: InstanceType<typeof h5wasm.File>;
  try {
    file = new h5wasm.File(path, 'r');
  } catch (err) {
    throw new DataFileError(path, `cannot be opened as NetCDF4/HDF5 (${(err as Error).message})`);
  }
  try {
    return readBins(file, region, path);
  } finally {
    file.close();
  }
}

/**
 * Load a `Coastline` for a region from GSHHG's binned file (default: full resolution from Debian's
 * gmt-gshhg-full). Lakes count as land (see `coastlineFromBins`).
 */
export async function loadGshhgCoastline(
  region: BoundsDeg, path: string = DEFAULT_GSHHG_PATH, options: CoastlineOptions = {},
): Promise<Coastline> {
  return coastlineFromBins(await readGshhgBins(region, path), options);
}

/** HDF5's format signature, which NetCDF4 files carry at offset 0 (HDF5 File Format Specification, "Superblock"). */
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Refuse a file that does not start with the HDF5 signature, before libhdf5 prints its diagnostics. */
function checkHdf5Signature(path: string): void {
  const head = Buffer.alloc(8);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, head, 0, 8, 0);
  } catch (err) {
    throw new DataFileError(path, `cannot be read (${(err as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (head.subarray(0, 3).toString('latin1') === 'CDF') {
    throw new DataFileError(path, 'is NetCDF3 classic; GMT binned shoreline files are NetCDF4 (HDF5)');
  }
  if (!HDF5_SIGNATURE.every((byte, k) => head[k] === byte)) {
    throw new DataFileError(path, 'is not a NetCDF4/HDF5 file (no HDF5 signature at its start)');
  }
}

function checkRegion(region: BoundsDeg): void {
  const { westDeg, southDeg, eastDeg, northDeg } = region;
  if (![westDeg, southDeg, eastDeg, northDeg].every(Number.isFinite) || !(southDeg < northDeg) ||
    southDeg < -90 || northDeg > 90 || westDeg === eastDeg) {
    throw new InvalidInputError('region', `${westDeg}/${southDeg}/${eastDeg}/${northDeg} (west/south/east/north degrees) is not a box`);
  }
}

type H5File = InstanceType<typeof h5wasm.File>;

function readVariable(file: H5File, name: string, path: string): Dataset {
  const entity = file.get(name);
  if (!(entity instanceof Dataset)) {
    throw new DataFileError(path, `variable '${name}' is missing; not a GMT binned shoreline file`);
  }
  return entity;
}

function readInts(file: H5File, name: string, path: string, expected?: number): ArrayLike<number> {
  const value = readVariable(file, name, path).value;
  if (!ArrayBuffer.isView(value) || value instanceof DataView || typeof (value as ArrayLike<unknown>)[0] === 'bigint') {
    throw new DataFileError(path, `variable '${name}' is not an integer array`);
  }
  const ints = value as unknown as ArrayLike<number>;
  if (expected !== undefined && ints.length !== expected) {
    throw new DataFileError(path, `variable '${name}' has ${ints.length} values, expected ${expected}`);
  }
  return ints;
}

function readBins(file: H5File, region: BoundsDeg, path: string): BinnedShoreline {
  const binMinutes = readInts(file, 'Bin_size_in_minutes', path, 1)[0];
  const nLon = readInts(file, 'N_bins_in_360_longitude_range', path, 1)[0];
  const nLat = readInts(file, 'N_bins_in_180_degree_latitude_range', path, 1)[0];
  const binSizeDeg = binMinutes / 60;
  if (!(binMinutes > 0) || Math.abs(nLon * binSizeDeg - 360) > 1e-9 || Math.abs(nLat * binSizeDeg - 180) > 1e-9) {
    throw new DataFileError(path, `bin size ${binMinutes}' does not match ${nLon} x ${nLat} bins`);
  }
  const binCount = nLon * nLat;
  const firstSeg = readInts(file, 'Id_of_first_segment_in_a_bin', path, binCount);
  const segCount = readInts(file, 'N_segments_in_a_bin', path, binCount);
  const nodeInfo = readInts(file, 'Embedded_node_levels_in_a_bin', path, binCount);
  const segInfo = readInts(file, 'Embedded_npts_levels_exit_entry_for_a_segment', path);
  const segFirstPoint = readInts(file, 'Id_of_first_point_in_a_segment', path, segInfo.length);
  const dxVar = readVariable(file, 'Relative_longitude_from_SW_corner_of_bin', path);
  const dyVar = readVariable(file, 'Relative_latitude_from_SW_corner_of_bin', path);
  const pointTotal = dxVar.shape?.[0] ?? 0;
  const versionAttr = file.attrs.version?.value;
  const version = typeof versionAttr === 'string' ? versionAttr : '?';

  // Bin columns and rows covering the region (columns may run past 360 across the antimeridian).
  let east = region.eastDeg;
  if (east <= region.westDeg) east += 360;
  const col0 = Math.floor(region.westDeg / binSizeDeg + 1e-9);
  const col1 = Math.ceil(east / binSizeDeg - 1e-9);
  const rowS = Math.max(-nLat / 2, Math.floor(region.southDeg / binSizeDeg + 1e-9));
  const rowN = Math.min(nLat / 2, Math.ceil(region.northDeg / binSizeDeg - 1e-9));
  if (col1 - col0 > nLon) throw new InvalidInputError('region', 'spans more than 360 degrees of longitude');

  const bins: ShorelineBin[] = [];
  const scale = binSizeDeg / 65535;
  for (let latIndex = rowS; latIndex < rowN; latIndex++) {
    const southDeg = latIndex * binSizeDeg;
    const row = nLat / 2 - 1 - latIndex;
    // One read of the points for the whole row of bins.
    const binIds: number[] = [];
    let pMin = Infinity;
    let pMax = -Infinity;
    for (let col = col0; col < col1; col++) {
      const b = row * nLon + (((col % nLon) + nLon) % nLon);
      binIds.push(b);
      for (let s = firstSeg[b]; s < firstSeg[b] + segCount[b]; s++) {
        if (s < 0 || s >= segInfo.length) throw new DataFileError(path, `bin ${b} names segment ${s}, outside 0..${segInfo.length - 1}`);
        pMin = Math.min(pMin, segFirstPoint[s]);
        pMax = Math.max(pMax, segFirstPoint[s] + (segInfo[s] >> 9));
      }
    }
    let dx: ArrayLike<number> = [];
    let dy: ArrayLike<number> = [];
    if (pMax > pMin) {
      if (pMin < 0 || pMax > pointTotal) throw new DataFileError(path, `segments name points ${pMin}..${pMax - 1}, outside 0..${pointTotal - 1}`);
      dx = dxVar.slice([[pMin, pMax]]) as unknown as ArrayLike<number>;
      dy = dyVar.slice([[pMin, pMax]]) as unknown as ArrayLike<number>;
    }
    binIds.forEach((b, k) => {
      const westDeg = (col0 + k) * binSizeDeg;
      const info = nodeInfo[b];
      const segments: ShorelineSegment[] = [];
      for (let s = firstSeg[b]; s < firstSeg[b] + segCount[b]; s++) {
        const packed = segInfo[s];
        const level = (packed >> 6) & 7;
        if (level < 1 || level > 4) continue; // level 6: Antarctica's grounding line (alternative)
        const n = packed >> 9;
        const lonDeg = new Float64Array(n);
        const latDeg = new Float64Array(n);
        const p0 = segFirstPoint[s] - pMin;
        for (let p = 0; p < n; p++) {
          lonDeg[p] = westDeg + (dx[p0 + p] & 0xffff) * scale;
          latDeg[p] = southDeg + (dy[p0 + p] & 0xffff) * scale;
        }
        segments.push({ level, entrySide: (packed >> 3) & 7, exitSide: packed & 7, lonDeg, latDeg });
      }
      bins.push({
        westDeg, southDeg,
        cornerLevels: [(info >> 9) & 7, (info >> 6) & 7, (info >> 3) & 7, info & 7],
        segments,
      });
    });
  }
  const bounds = {
    westDeg: col0 * binSizeDeg, southDeg: rowS * binSizeDeg, eastDeg: col1 * binSizeDeg, northDeg: rowN * binSizeDeg,
  };
  const resolution = /binned_GSHHS_([a-z])\.nc$/.exec(basename(path))?.[1] ?? '?';
  return {
    label: `GSHHG ${resolution} ${version}, ${formatRegion(bounds)}`,
    source: `GSHHG ${version} (Wessel & Smith 1996), ${basename(path)}`,
    binSizeDeg, bounds, bins,
  };
}

/** "127-135E 33-41N" style text for a box in degrees. */
export function formatRegion(b: BoundsDeg): string {
  const lon = (deg: number): [number, string] => {
    const w = ((((deg + 180) % 360) + 360) % 360) - 180;
    return w < 0 ? [-w, 'W'] : [w === -180 ? 180 : w, 'E'];
  };
  const lat = (deg: number): [number, string] => (deg < 0 ? [-deg, 'S'] : [deg, 'N']);
  const pair = (a: [number, string], c: [number, string]): string =>
    a[1] === c[1] ? `${a[0]}-${c[0]}${a[1]}` : `${a[0]}${a[1]}-${c[0]}${c[1]}`;
  const e = b.eastDeg === 180 ? [180, 'E'] as [number, string] : lon(b.eastDeg);
  return `${pair(lon(b.westDeg), e)} ${pair(lat(b.southDeg), lat(b.northDeg))}`;
}
