import { describe, expect, test } from 'vitest';
import { formatDtg, formatTimeUtc, formatTimeUtcExact, parseTime } from './time_text.js';

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
    ['2026-03-10T05:30-00:30', T],   // the minutes of an offset under an hour keep their sign
    ['2026-03-10T06:30+00:30', T],
    // the years 45 and 99, not 1945 and 1999: 365-day years back from 2000 plus one day per 29 February
    // between (every 4th year from 48 or 100 to 2000, less the 15 century years not divisible by 400)
    ['0045-03-10T06:00Z', Date.UTC(2000, 2, 10, 6) / 1000 - ((2000 - 45) * 365 + 489 - 15) * 86400],
    ['100600Z MAR 0099', Date.UTC(2000, 2, 10, 6) / 1000 - ((2000 - 99) * 365 + 476 - 15) * 86400],
  ])('reads %s', (text, expected) => expect(parseTime(text)).toBe(expected));

  test.each([
    ['2026-03-10T06:00', /has no time zone; add Z for UTC/],
    ['2026-02-30T06:00Z', /is not a valid date and time/],
    ['320600Z MAR 26', /not a valid date-time group/],
    ['100600Z XYZ 26', /unknown month 'XYZ'/],
    ['yesterday', /cannot read 'yesterday' as a time/],
    ['2026-03-10T06:00+99:99', /has the offset \+99:99, which is no time zone/],
    ['2026-03-10T06:00-13:00', /which is no time zone/],
  ])('refuses %s', (text, message) => {
    expect(() => parseTime(text, '--time')).toThrow(message);
    expect(() => parseTime(text, '--time')).toThrow(/^--time: /);
  });
});

describe('formatTimeUtc', () => {
  test('writes ISO 8601 UTC to the minute', () => expect(formatTimeUtc(T)).toBe('2026-03-10T06:00Z'));
});

describe('formatTimeUtcExact', () => {
  test('writes ISO 8601 UTC to the minute when the time is on one, else to the second or millisecond', () => {
    expect(formatTimeUtcExact(T)).toBe('2026-03-10T06:00Z');
    expect(formatTimeUtcExact(T + 30)).toBe('2026-03-10T06:00:30Z');
    expect(formatTimeUtcExact(T + 90.25)).toBe('2026-03-10T06:01:30.250Z');
    for (const t of [T, T + 30, T + 90.25]) expect(parseTime(formatTimeUtcExact(t))).toBe(t);
  });
});

describe('formatDtg', () => {
  test('writes a date-time group that parseTime reads back', () => {
    expect(formatDtg(T)).toBe('100600Z MAR 26');
    expect(formatDtg(Date.UTC(2031, 11, 1, 23, 5) / 1000)).toBe('012305Z DEC 31');
    for (const t of [T, T + 17 * 60, Date.UTC(2030, 0, 31, 0, 59) / 1000]) expect(parseTime(formatDtg(t))).toBe(t);
  });
});
