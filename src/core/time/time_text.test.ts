import { describe, expect, test } from 'vitest';
import { formatDtg, formatTimeUtc, parseTime } from './time_text.js';

const T = Date.UTC(2026, 2, 10, 6, 0) / 1000;

describe('parseTime', () => {
  test.each([
    ['2026-03-10T06:00Z', T],
    ['2026-03-10 06:00:00Z', T],
    ['2026-03-10T15:00+09:00', T],
    ['2026-03-10T15:00+0900', T],
    ['2026-03-10T01:30-04:30', T],
    ['100600Z MAR 26', T],
    ['100600zmar2026', T],
  ])('reads %s', (text, expected) => expect(parseTime(text)).toBe(expected));

  test.each([
    ['2026-03-10T06:00', /has no time zone; add Z for UTC/],
    ['2026-02-30T06:00Z', /is not a valid date and time/],
    ['320600Z MAR 26', /not a valid date-time group/],
    ['100600Z XYZ 26', /unknown month 'XYZ'/],
    ['yesterday', /cannot read 'yesterday' as a time/],
  ])('refuses %s', (text, message) => {
    expect(() => parseTime(text, '--time')).toThrow(message);
    expect(() => parseTime(text, '--time')).toThrow(/^--time: /);
  });
});

describe('formatTimeUtc', () => {
  test('writes ISO 8601 UTC to the minute', () => expect(formatTimeUtc(T)).toBe('2026-03-10T06:00Z'));
});

describe('formatDtg', () => {
  test('writes a date-time group that parseTime reads back', () => {
    expect(formatDtg(T)).toBe('100600Z MAR 26');
    expect(formatDtg(Date.UTC(2031, 11, 1, 23, 5) / 1000)).toBe('012305Z DEC 31');
    for (const t of [T, T + 17 * 60, Date.UTC(2030, 0, 31, 0, 59) / 1000]) expect(parseTime(formatDtg(t))).toBe(t);
  });
});
