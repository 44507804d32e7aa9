import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { afterUnsuccessfulSearch } from './bayes.js';

describe('afterUnsuccessfulSearch', () => {
  test('three particles, worked by hand', () => {
    // prior w = (0.5, 0.3, 0.2), POD = (0.8, 0.5, 0)
    // w (1 - POD) = (0.5 x 0.2, 0.3 x 0.5, 0.2 x 1) = (0.10, 0.15, 0.20), sum 0.45 = 1 - POS
    // (POS = 0.5 x 0.8 + 0.3 x 0.5 = 0.55)
    // posterior = (0.10, 0.15, 0.20) / 0.45 = (0.2222, 0.3333, 0.4444)
    const r = afterUnsuccessfulSearch(Float64Array.of(0.5, 0.3, 0.2), Float64Array.of(0.8, 0.5, 0));
    expect(r.weight[0]).toBeCloseTo(2 / 9, 12);
    expect(r.weight[1]).toBeCloseTo(3 / 9, 12);
    expect(r.weight[2]).toBeCloseTo(4 / 9, 12);
    expect(r.missProbability).toBeCloseTo(0.45, 12);
  });
  test('weights keep their prior sum (here 0.8, a cloud without its unreleased particles)', () => {
    const r = afterUnsuccessfulSearch(Float64Array.of(0.4, 0.4), Float64Array.of(0.5, 0));
    // w (1 - POD) = (0.2, 0.4), sum 0.6; scaled by 0.8 / 0.6 -> (0.2667, 0.5333)
    expect(r.weight[0] + r.weight[1]).toBeCloseTo(0.8, 12);
    expect(r.weight[0]).toBeCloseTo(0.8 / 3, 12);
  });
  test('a POD outside [0, 1] is refused, naming the particle', () => {
    expect(() => afterUnsuccessfulSearch(Float64Array.of(1), Float64Array.of(1.2))).toThrow(/pod\[0\]/);
  });
  test('a certain detection everywhere leaves nothing to update', () => {
    expect(() => afterUnsuccessfulSearch(Float64Array.of(0.5, 0.5), Float64Array.of(1, 1))).toThrow(InvalidInputError);
  });
});
