import { describe, expect, test } from 'vitest';
import { formatDecimal, formatLatDeg, formatLonDeg, xmlAttribute, xmlText } from './xml_text.js';

describe('xmlText', () => {
  test('escapes & < > and keeps quotes', () => {
    expect(xmlText(`a&b <c> "d" 'e'`)).toBe(`a&amp;b &lt;c&gt; "d" 'e'`);
  });
  test('replaces characters XML 1.0 cannot hold by U+FFFD', () => {
    expect(xmlText('bell\u0007 nul\u0000 ok\tok')).toBe('bell\uFFFD nul\uFFFD ok\tok');
  });
});

describe('xmlAttribute', () => {
  test('also escapes quotes, tab, LF and CR', () => {
    expect(xmlAttribute(`"x" 'y'\t\n\r&`)).toBe('&quot;x&quot; &apos;y&apos;&#9;&#10;&#13;&amp;');
  });
});

describe('formatDecimal', () => {
  test('writes no exponent and drops trailing zeros', () => {
    expect(formatDecimal(1e-7, 8)).toBe('0.0000001');
    expect(formatDecimal(2.5, 8)).toBe('2.5');
    expect(formatDecimal(3, 8)).toBe('3');
    expect(formatDecimal(-0.000000001, 8)).toBe('0');
  });
});

describe('formatLatDeg / formatLonDeg', () => {
  test('eight decimals (about 1 mm)', () => {
    expect(formatLatDeg(37.123456789)).toBe('37.12345679');
  });
  test('longitudes land in [-180, 180), 180 written as -180', () => {
    expect(formatLonDeg(180)).toBe('-180');
    expect(formatLonDeg(179.999999999)).toBe('-180');
    expect(formatLonDeg(190)).toBe('-170');
    expect(formatLonDeg(-180)).toBe('-180');
    expect(formatLonDeg(131.5)).toBe('131.5');
  });
});
