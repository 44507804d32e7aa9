import { InvalidInputError } from '../errors.js';
import type { BoundsDeg } from '../environment/vector_field.js';
import { BinSide, isLandLevel, type BinnedShoreline } from './binned_shoreline.js';
import { Coastline } from './coastline.js';
import {
  buildShoreGrid, PolylineBuilder, rowCrossings, segmentCrossesEdge, type ShorePolylines,
} from './shore_grid.js';

/** Options of the coastline builders. */
export interface CoastlineOptions {
  /** Index cells per degree (default 64, cell side 1/64° ≈ 1.7 km × 1.4 km at 37°N). */
  readonly cellsPerDeg?: number;
  /** Label to use instead of the source's. */
  readonly label?: string;
}

/** Default index resolution: 64 cells per degree. */
export const DEFAULT_CELLS_PER_DEG = 64;
/** Largest index grid built (cells); a bigger region gets a coarser grid (halved until it fits). */
export const MAX_INDEX_CELLS = 16_000_000;

/** Width of a box in degrees, east of west (a box crossing the antimeridian has west > east). */
export function boundsWidthDeg(bounds: BoundsDeg): number {
  const w = bounds.eastDeg - bounds.westDeg;
  return w > 0 ? w : w + 360;
}

/** Pick the grid resolution: the requested one, halved while the grid exceeds MAX_INDEX_CELLS. */
export function chooseCellsPerDeg(bounds: BoundsDeg, requested: number | undefined): number {
  let cpd = requested ?? DEFAULT_CELLS_PER_DEG;
  if (!(cpd > 0) || !Number.isInteger(cpd)) {
    throw new InvalidInputError('cellsPerDeg', `${cpd} is not a positive whole number of cells per degree`);
  }
  const area = boundsWidthDeg(bounds) * (bounds.northDeg - bounds.southDeg);
  while (cpd > 1 && area * cpd * cpd > MAX_INDEX_CELLS) cpd = Math.max(1, Math.floor(cpd / 2));
  return cpd;
}

/**
 * Build a `Coastline` from binned shoreline data (GSHHG). Land is every level ≥ 1: ocean against
 * land, lakes (level 2) and what lies in them count as land, which is what a drift at sea needs
 * (a particle cannot reach a lake), so only level-1 segments are shorelines here.
 *
 * The state of each index cell's centre is found bin by bin: a bin corner's level is known, and the
 * state of any point in the bin is the corner's state flipped once per shoreline crossed on the
 * straight line from the corner to the point (that line stays inside the bin, where the stored
 * segments are the only boundaries). One such line per row of cells gives the row's first cell;
 * the rest of the row follows from the crossings of the row's centre line.
 */
export function coastlineFromBins(shoreline: BinnedShoreline, options: CoastlineOptions = {}): Coastline {
  const { bounds, binSizeDeg } = shoreline;
  const cpd = chooseCellsPerDeg(bounds, options.cellsPerDeg);
  const cellsPerBin = Math.round(binSizeDeg * cpd);
  if (Math.abs(cellsPerBin - binSizeDeg * cpd) > 1e-9 || cellsPerBin < 1) {
    throw new InvalidInputError('cellsPerDeg', `${cpd} cells per degree do not divide a ${binSizeDeg}° bin`);
  }
  const nx = Math.round(boundsWidthDeg(bounds) * cpd);
  const ny = Math.round((bounds.northDeg - bounds.southDeg) * cpd);

  const builder = new PolylineBuilder();
  const binPlaces: Array<{ i0: number; j0: number; firstLine: number; endLine: number; cornerLand: boolean[] }> = [];
  let lineCount = 0;
  for (const bin of shoreline.bins) {
    let dWest = (bin.westDeg - bounds.westDeg) % 360;
    if (dWest < 0) dWest += 360;
    const i0 = Math.round(dWest * cpd);
    const j0 = Math.round((bin.southDeg - bounds.southDeg) * cpd);
    if (i0 + cellsPerBin > nx || j0 < 0 || j0 + cellsPerBin > ny) continue; // outside the bounds
    const firstLine = lineCount;
    for (const seg of bin.segments) {
      if (seg.level !== 1) continue;
      const n = seg.lonDeg.length;
      for (let p = 0; p < n; p++) {
        builder.push(i0 + (seg.lonDeg[p] - bin.westDeg) * cpd, j0 + (seg.latDeg[p] - bin.southDeg) * cpd);
      }
      // A closed segment (a whole polygon inside the bin) normally repeats its first point; if not, close it.
      if (seg.entrySide === BinSide.NONE && n > 2 && (seg.lonDeg[0] !== seg.lonDeg[n - 1] || seg.latDeg[0] !== seg.latDeg[n - 1])) {
        builder.push(i0 + (seg.lonDeg[0] - bin.westDeg) * cpd, j0 + (seg.latDeg[0] - bin.southDeg) * cpd);
      }
      builder.endPolyline();
      lineCount = builder.polylineCount;
    }
    binPlaces.push({ i0, j0, firstLine, endLine: lineCount, cornerLand: bin.cornerLevels.map(isLandLevel) });
  }
  const lines = builder.finish();

  const centreLand = new Uint8Array(nx * ny);
  for (const place of binPlaces) {
    fillBinCentres(lines, place.i0, place.j0, cellsPerBin, place.firstLine, place.endLine, place.cornerLand, nx, centreLand);
  }
  const grid = buildShoreGrid(lines, nx, ny, cpd, centreLand);
  return new Coastline(options.label ?? shoreline.label, bounds, grid);
}

/** Land state of every cell centre of one bin, from a corner's level and counted crossings. */
function fillBinCentres(
  lines: ShorePolylines, i0: number, j0: number, n: number, firstLine: number, endLine: number,
  cornerLand: boolean[], nx: number, centreLand: Uint8Array,
): void {
  const edgeList: number[] = [];
  for (let k = firstLine; k < endLine; k++) {
    for (let e = lines.start[k]; e < lines.start[k + 1] - 1; e++) edgeList.push(e);
  }
  if (edgeList.length === 0) {
    const land = cornerLand[0] ? 1 : 0;
    for (let r = 0; r < n; r++) centreLand.fill(land, (j0 + r) * nx + i0, (j0 + r) * nx + i0 + n);
    return;
  }
  const edges = Int32Array.from(edgeList);
  // Corners SW, SE, NE, NW in cell units; use one no shoreline point sits on exactly.
  const corners: Array<[number, number]> = [[i0, j0], [i0 + n, j0], [i0 + n, j0 + n], [i0, j0 + n]];
  let corner = 0;
  for (let c = 0; c < 4; c++) {
    const [cu, cv] = corners[c];
    let onPoint = false;
    for (let q = 0; q < edges.length && !onPoint; q++) {
      const e = edges[q];
      onPoint = (lines.u[e] === cu && lines.v[e] === cv) || (lines.u[e + 1] === cu && lines.v[e + 1] === cv);
    }
    if (!onPoint) { corner = c; break; }
  }
  const [cu, cv] = corners[corner];
  const { u, v } = lines;
  for (let r = 0; r < n; r++) {
    const vRow = j0 + r + 0.5;
    const uFirst = i0 + 0.5;
    let land = cornerLand[corner] ? 1 : 0;
    for (let q = 0; q < edges.length; q++) {
      const e = edges[q];
      if (segmentCrossesEdge(cu, cv, uFirst, vRow, u[e], v[e], u[e + 1], v[e + 1])) land ^= 1;
    }
    const xs = rowCrossings(lines, vRow, edges);
    // Skip the crossings west of the first centre: they are already in the corner ray's count.
    let next = 0;
    while (next < xs.length && xs[next] < uFirst) next++;
    const rowBase = (j0 + r) * nx + i0;
    for (let c = 0; c < n; c++) {
      const uc = i0 + c + 0.5;
      while (next < xs.length && xs[next] < uc) { land ^= 1; next++; }
      centreLand[rowBase + c] = land;
    }
  }
}
