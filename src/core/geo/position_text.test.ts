import { describe, expect, test } from 'vitest';
import { formatPosition, parsePosition } from './position_text.js';

describe('parsePosition', () => {
  test.each([
    ['37 14.4N 131 52.2E', 37.24, 131.87],
    ["37°14.4'N 131°52.2'E", 37.24, 131.87],
    ['N37 14.4 E131 52.2', 37.24, 131.87],
    ['37-14.4N 131-52.2E', 37.24, 131.87],
    ['37 14 24N 131 52 12E', 37.24, 131.87],
    ['37.24N 131.87E', 37.24, 131.87],
    ['37.24, 131.87', 37.24, 131.87],
    ['-33.5 -70.25', -33.5, -70.25],
    ['33 30S 070 15W', -33.5, -70.25],
  ])('reads %s', (text, latDeg, lonDeg) => {
    const p = parsePosition(text);
    expect(p.latDeg).toBeCloseTo(latDeg, 9);
    expect(p.lonDeg).toBeCloseTo(lonDeg, 9);
  });

  test.each([
    ['37 64.0N 131 52.2E', /latitude minutes and seconds must be below 60/],
    ['97 00.0N 131 52.2E', /latitude 97 is not between -90 and 90/],
    ['somewhere east of Ulleungdo', /cannot read 'somewhere east of Ulleungdo' as a position/],
    ['37.5', /cannot read '37.5' as a position/],
    ['37 14.4N 131 52.2N', /cannot read/],
    ['37 14.4N 200 00E', /longitude 200° E is beyond 180°/],
    ['37.5 -181', /longitude 181° W is beyond 180°/],
    ['37 14.4N 180 01E', /longitude 180\.0167° E is beyond 180°/],
    ['N37 14.4 131 52.2E', /cannot read/],   // which numbers are the latitude's is a guess
    ['131 52.2E 37 14.4N', /cannot read/],   // latitude first
  ])('refuses %s with a clear message naming the field', (text, message) => {
    expect(() => parsePosition(text, '--position')).toThrow(message);
    expect(() => parsePosition(text, '--position')).toThrow(/^--position: /);
  });
});

describe('parsePosition on long input', () => {
  test('a 20 KB position is refused by its length, naming the field', () => {
    expect(() => parsePosition('1 '.repeat(10_000) + 'N', '--position')).toThrow(/^--position: a position of 20001 characters is no position \(at most 100\)/);
  });
  test('the longest position allowed that is no position is refused as unreadable', () => {
    // the input that made the backtracking expression explode: digits and spaces with no letter where one is needed
    expect(() => parsePosition('N' + '1 '.repeat(49) + 'W', '--position')).toThrow(/^--position: cannot read/);
    expect(() => parsePosition('1.'.repeat(50), '--position')).toThrow(/^--position: cannot read/);
  });
  test('180°E and 180°W are read', () => {
    expect(parsePosition('0 00N 180 00E').lonDeg).toBe(180);
    expect(parsePosition('0 00N 180 00W').lonDeg).toBe(-180);
  });
});

describe('formatPosition', () => {
  test('writes degrees and decimal minutes with hemispheres', () => {
    expect(formatPosition({ latDeg: 37.24, lonDeg: 131.87 })).toBe("37°14.40'N 131°52.20'E");
    expect(formatPosition({ latDeg: -0.5, lonDeg: -9.999999 })).toBe("00°30.00'S 010°00.00'W");
  });

  test('writes plain ASCII for a message, which parsePosition reads back', () => {
    expect(formatPosition({ latDeg: 37.24, lonDeg: 131.87 }, 1, 'ascii')).toBe('37 14.4N 131 52.2E');
    expect(formatPosition({ latDeg: -0.5, lonDeg: -9.999999 }, 1, 'ascii')).toBe('00 30.0S 010 00.0W');
    const back = parsePosition('00 30.0S 010 00.0W');
    expect(back.latDeg).toBeCloseTo(-0.5, 12);
    expect(back.lonDeg).toBeCloseTo(-10, 12);
  });
});
