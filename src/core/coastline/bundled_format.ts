import { DataFileError } from '../errors.js';
import type { BinnedShoreline, ShorelineBin, ShorelineSegment } from './binned_shoreline.js';

/** Name written in the `format` field of sarbridge's binned-shoreline JSON files. */
export const BINNED_SHORELINE_FORMAT = 'sarbridge-binned-shoreline';
/** Version of that format this code reads and writes. */
export const BINNED_SHORELINE_VERSION = 1;
/** Point offsets are integers in 1/65535 of a bin side from the bin's south-west corner (as GSHHG). */
export const POINT_SCALE = 65535;

/**
 * Read sarbridge's binned-shoreline JSON (the bundled coastline subset) from its text or parsed
 * value. Pure: a browser can pass the text of a fetched file. Layout (version 1):
 *
 * ```
 * { "format": "sarbridge-binned-shoreline", "version": 1, "label": "...", "source": "...",
 *   "binSizeDeg": 1, "pointScale": 65535,
 *   "bounds": { "westDeg": 127, "southDeg": 33, "eastDeg": 135, "northDeg": 41 },
 *   "bins": [ { "westDeg": 131, "southDeg": 37, "cornerLevels": [0, 0, 0, 0],   // SW, SE, NE, NW
 *               "segments": [ { "level": 1, "entry": 4, "exit": 4,             // BinSide codes
 *                               "dx": [..], "dy": [..] } ] } ] }             // integer offsets
 * ```
 * A point's longitude is westDeg + dx / pointScale × binSizeDeg (latitude likewise from southDeg).
 * Throws DataFileError naming `fileName` and the bad field.
 */
export function parseBinnedShoreline(input: string | unknown, fileName: string): BinnedShoreline {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (err) {
      throw new DataFileError(fileName, `not valid JSON (${(err as Error).message})`);
    }
  }
  const fail = (field: string, problem: string): never => { throw new DataFileError(fileName, `${field}: ${problem}`); };
  const obj = (value: unknown, field: string): Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : fail(field, 'is not an object');
  const num = (value: unknown, field: string): number =>
    typeof value === 'number' && Number.isFinite(value) ? value : fail(field, `is ${JSON.stringify(value)}, not a number`);
  const arr = (value: unknown, field: string): unknown[] => (Array.isArray(value) ? value : fail(field, 'is not an array'));

  const root = obj(doc, 'file');
  if (root.format !== BINNED_SHORELINE_FORMAT) fail('format', `is ${JSON.stringify(root.format)}, expected "${BINNED_SHORELINE_FORMAT}"`);
  if (root.version !== BINNED_SHORELINE_VERSION) fail('version', `is ${JSON.stringify(root.version)}, this reader knows ${BINNED_SHORELINE_VERSION}`);
  const binSizeDeg = num(root.binSizeDeg, 'binSizeDeg');
  if (!(binSizeDeg > 0)) fail('binSizeDeg', `${binSizeDeg} is not positive`);
  const pointScale = num(root.pointScale, 'pointScale');
  if (!(pointScale > 0)) fail('pointScale', `${pointScale} is not positive`);
  const b = obj(root.bounds, 'bounds');
  const bounds = {
    westDeg: num(b.westDeg, 'bounds.westDeg'), southDeg: num(b.southDeg, 'bounds.southDeg'),
    eastDeg: num(b.eastDeg, 'bounds.eastDeg'), northDeg: num(b.northDeg, 'bounds.northDeg'),
  };
  const step = binSizeDeg / pointScale;
  const bins: ShorelineBin[] = arr(root.bins, 'bins').map((binValue, bi) => {
    const at = `bins[${bi}]`;
    const bin = obj(binValue, at);
    const westDeg = num(bin.westDeg, `${at}.westDeg`);
    const southDeg = num(bin.southDeg, `${at}.southDeg`);
    const levels = arr(bin.cornerLevels, `${at}.cornerLevels`).map((l, k) => num(l, `${at}.cornerLevels[${k}]`));
    if (levels.length !== 4) fail(`${at}.cornerLevels`, `has ${levels.length} values, expected 4 (SW, SE, NE, NW)`);
    const segments: ShorelineSegment[] = arr(bin.segments, `${at}.segments`).map((segValue, si) => {
      const sat = `${at}.segments[${si}]`;
      const seg = obj(segValue, sat);
      const dx = arr(seg.dx, `${sat}.dx`);
      const dy = arr(seg.dy, `${sat}.dy`);
      if (dx.length !== dy.length || dx.length < 2) fail(sat, `dx has ${dx.length} and dy ${dy.length} values; need equal counts of at least 2`);
      const lonDeg = new Float64Array(dx.length);
      const latDeg = new Float64Array(dy.length);
      for (let p = 0; p < dx.length; p++) {
        const ox = dx[p];
        const oy = dy[p];
        if (typeof ox !== 'number' || typeof oy !== 'number' || !(ox >= 0 && ox <= pointScale && oy >= 0 && oy <= pointScale)) {
          fail(`${sat} point ${p}`, `offset (${ox}, ${oy}) is not within 0..${pointScale}`);
        }
        lonDeg[p] = westDeg + (ox as number) * step;
        latDeg[p] = southDeg + (oy as number) * step;
      }
      return {
        level: num(seg.level, `${sat}.level`), entrySide: num(seg.entry, `${sat}.entry`),
        exitSide: num(seg.exit, `${sat}.exit`), lonDeg, latDeg,
      };
    });
    return { westDeg, southDeg, cornerLevels: [levels[0], levels[1], levels[2], levels[3]], segments };
  });
  const label = typeof root.label === 'string' ? root.label : fileName;
  const source = typeof root.source === 'string' ? root.source : fileName;
  return { label, source, binSizeDeg, bounds, bins };
}

/**
 * Write binned shoreline data as sarbridge's binned-shoreline JSON (see `parseBinnedShoreline`),
 * one segment per line so that a diff stays readable. Points are rounded to the 1/65535-bin grid,
 * which is exact for data read from GSHHG.
 */
export function formatBinnedShoreline(shoreline: BinnedShoreline): string {
  const { binSizeDeg } = shoreline;
  const head = {
    format: BINNED_SHORELINE_FORMAT, version: BINNED_SHORELINE_VERSION, label: shoreline.label,
    source: shoreline.source, binSizeDeg, pointScale: POINT_SCALE, bounds: shoreline.bounds,
  };
  const headText = JSON.stringify(head);
  const binTexts = shoreline.bins.map((bin) => {
    const segs = bin.segments.map((seg) => {
      const dx = Array.from(seg.lonDeg, (lon) => Math.round(((lon - bin.westDeg) / binSizeDeg) * POINT_SCALE));
      const dy = Array.from(seg.latDeg, (lat) => Math.round(((lat - bin.southDeg) / binSizeDeg) * POINT_SCALE));
      return JSON.stringify({ level: seg.level, entry: seg.entrySide, exit: seg.exitSide, dx, dy });
    });
    const binHead = `{"westDeg":${bin.westDeg},"southDeg":${bin.southDeg},"cornerLevels":${JSON.stringify(bin.cornerLevels)},"segments":[`;
    return segs.length ? `${binHead}\n${segs.join(',\n')}\n]}` : `${binHead}]}`;
  });
  return `${headText.slice(0, -1)},"bins":[\n${binTexts.join(',\n')}\n]}\n`;
}
