import { describe, expect, test } from 'vitest';
import { medianInterval, wilsonInterval } from './trial_statistics.js';

describe('wilsonInterval', () => {
  test('45 of 100: the textbook figures', () => {
    // (0.45 + 0.0192) / 1.0384 ± 0.0940: 0.3561 .. 0.5476 (Wilson 1927; e.g. Newcombe 1998, method 3)
    const r = wilsonInterval(45, 100);
    expect(r.low).toBeCloseTo(0.3561, 4);
    expect(r.high).toBeCloseTo(0.5476, 4);
  });
  test('0 of 20 and 20 of 20 stay inside [0, 1] and are not empty', () => {
    expect(wilsonInterval(0, 20).low).toBe(0);
    expect(wilsonInterval(0, 20).high).toBeCloseTo(0.1611, 4);   // z² / (n + z²) = 3.8415 / 23.8415
    expect(wilsonInterval(20, 20).low).toBeCloseTo(1 - 0.1611, 4);
    expect(() => wilsonInterval(3, 2)).toThrow(/successes/);
  });
});

describe('medianInterval', () => {
  test('n = 10: x(2) .. x(9), coverage 1 − 2 × 11/1024 = 0.9785', () => {
    const r = medianInterval([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);
    expect(r.median).toBe(5.5);
    expect([r.low, r.high]).toEqual([2, 9]);
    expect(r.ranks).toEqual([2, 9]);
    expect(r.coverage).toBeCloseTo(1 - (2 * 11) / 1024, 12);
  });
  test('n = 100: ranks 40 and 61 (the tables\' values)', () => {
    const r = medianInterval(Array.from({ length: 100 }, (_, k) => k + 1));
    expect(r.ranks).toEqual([40, 61]);
    expect(r.coverage!).toBeGreaterThanOrEqual(0.95);
  });
  test('undetected runs count as +∞: a median or a bound may be +∞', () => {
    const r = medianInterval([1, 2, 3, Infinity, Infinity, Infinity, Infinity, 4, Infinity, Infinity]);
    expect(r.median).toBe(Infinity);
    expect(r.low).toBe(2);
    expect(r.high).toBe(Infinity);
  });
  test('too few runs for 95 %: no interval', () => {
    expect(medianInterval([3, 1, 2, 4, 5])).toMatchObject({ median: 3, low: null, high: null });   // 1 − 2/32 = 0.9375 < 0.95
    expect(medianInterval([3, 1, 2, 4, 5, 6]).ranks).toEqual([1, 6]);   // 1 − 2/64 = 0.969
  });
});
