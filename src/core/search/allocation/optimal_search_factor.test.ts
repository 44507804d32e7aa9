import { describe, expect, test } from 'vitest';
import { erf } from '../detection.js';
import { optimalSearchFactor } from './optimal_search_factor.js';

describe('optimalSearchFactor', () => {
  const efforts = [0.2, 1, 4, 16, 64];
  test.each(efforts)('is the maximum of POC x POD over a fine grid of search factors (Z_r = %s)', (zr) => {
    for (const [conditions, pod] of [['ideal', (c: number) => erf((Math.sqrt(Math.PI) / 2) * c)], ['normal', (c: number) => 1 - Math.exp(-c)]] as const) {
      // brute force: the square (2 fs E)^2 of a circular normal position of 50 % radius E
      let bestFs = 0, bestPos = -1;
      for (let fs = 0.01; fs < 6; fs += 0.0005) {
        const pos = erf(fs * Math.sqrt(Math.LN2)) ** 2 * pod(zr / (4 * fs * fs));
        if (pos > bestPos) { bestPos = pos; bestFs = fs; }
      }
      const o = optimalSearchFactor(zr, conditions);
      expect(o.searchFactor).toBeCloseTo(bestFs, 2);
      expect(o.pos).toBeCloseTo(bestPos, 6);
      expect(o.coverage).toBeCloseTo(zr / (4 * o.searchFactor ** 2), 12);
    }
  });
  test('more effort: a larger area, a higher coverage and POS; ideal conditions find more than normal ones', () => {
    for (let k = 1; k < efforts.length; k++) {
      const a = optimalSearchFactor(efforts[k - 1], 'ideal'), b = optimalSearchFactor(efforts[k], 'ideal');
      expect(b.searchFactor).toBeGreaterThan(a.searchFactor);
      expect(b.coverage).toBeGreaterThan(a.coverage);
      expect(b.pos).toBeGreaterThan(a.pos);
      expect(b.pos).toBeGreaterThan(optimalSearchFactor(efforts[k], 'normal').pos);
    }
  });
  test('the square holds more than its inscribed circle and less than its circumscribed one', () => {
    // for a circular normal position of 50 % radius E, the circle of radius r E holds 1 - 2^(-r^2)
    for (const zr of efforts) {
      const { searchFactor: fs, poc } = optimalSearchFactor(zr, 'ideal');
      expect(poc).toBeGreaterThan(1 - 2 ** -(fs * fs));
      expect(poc).toBeLessThan(1 - 2 ** -(2 * fs * fs));
    }
    // fs = 1 for the effort that makes it optimal there: the square of side 2E holds erf(sqrt(ln 2))^2 = 0.579
    expect(erf(Math.sqrt(Math.LN2)) ** 2).toBeCloseTo(0.5791, 4);
  });
  test('refuses an effort that is not a positive number, naming it', () => {
    expect(() => optimalSearchFactor(0, 'ideal')).toThrow(/relativeEffort/);
    expect(() => optimalSearchFactor(Number.NaN, 'normal')).toThrow(/relativeEffort/);
  });
});
