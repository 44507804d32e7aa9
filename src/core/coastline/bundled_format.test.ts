import { describe, expect, test } from 'vitest';
import { DataFileError } from '../errors.js';
import { BinSide, type BinnedShoreline } from './binned_shoreline.js';
import { formatBinnedShoreline, parseBinnedShoreline } from './bundled_format.js';

const step = 1 / 65535;
const shoreline: BinnedShoreline = {
  label: 'one bin', source: 'hand-made', binSizeDeg: 1,
  bounds: { westDeg: 131, southDeg: 37, eastDeg: 132, northDeg: 38 },
  bins: [{
    westDeg: 131, southDeg: 37, cornerLevels: [0, 0, 0, 0],
    segments: [{
      level: 1, entrySide: BinSide.NONE, exitSide: BinSide.NONE,
      lonDeg: Float64Array.of(131 + 100 * step, 131 + 200 * step, 131 + 200 * step, 131 + 100 * step),
      latDeg: Float64Array.of(37 + 5 * step, 37 + 5 * step, 37 + 65535 * step, 37 + 5 * step),
    }],
  }],
};

describe('formatBinnedShoreline / parseBinnedShoreline', () => {
  test('round-trips exactly (offsets are whole 1/65535 steps)', () => {
    const text = formatBinnedShoreline(shoreline);
    expect(text).toContain('"dx":[100,200,200,100]');
    const back = parseBinnedShoreline(text, 'mem.json');
    expect(back.label).toBe('one bin');
    expect(back.bins[0].cornerLevels).toEqual([0, 0, 0, 0]);
    expect(Array.from(back.bins[0].segments[0].lonDeg)).toEqual(Array.from(shoreline.bins[0].segments[0].lonDeg));
    expect(Array.from(back.bins[0].segments[0].latDeg)).toEqual(Array.from(shoreline.bins[0].segments[0].latDeg));
  });

  test('accepts an already parsed value', () => {
    const parsed: unknown = JSON.parse(formatBinnedShoreline(shoreline));
    expect(parseBinnedShoreline(parsed, 'mem.json').bins).toHaveLength(1);
  });
});

describe('parseBinnedShoreline errors', () => {
  const good = JSON.parse(formatBinnedShoreline(shoreline)) as Record<string, unknown>;
  test('not JSON', () => {
    expect(() => parseBinnedShoreline('{oops', 'a.json')).toThrow(DataFileError);
    expect(() => parseBinnedShoreline('{oops', 'a.json')).toThrow(/a\.json: not valid JSON/);
  });
  test('wrong format name', () => {
    expect(() => parseBinnedShoreline({ ...good, format: 'geojson' }, 'a.json')).toThrow(/format/);
  });
  test('offset out of range names the segment and point', () => {
    const bad = JSON.parse(JSON.stringify(good)) as { bins: Array<{ segments: Array<{ dx: number[] }> }> };
    bad.bins[0].segments[0].dx[2] = 70000;
    expect(() => parseBinnedShoreline(bad, 'a.json')).toThrow(/bins\[0\]\.segments\[0\] point 2/);
  });
  test('three corner levels', () => {
    const bad = JSON.parse(JSON.stringify(good)) as { bins: Array<{ cornerLevels: number[] }> };
    bad.bins[0].cornerLevels = [0, 0, 0];
    expect(() => parseBinnedShoreline(bad, 'a.json')).toThrow(/cornerLevels/);
  });
});
