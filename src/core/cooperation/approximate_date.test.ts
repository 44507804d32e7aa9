import { describe, expect, test } from 'vitest';
import { approximateDateSortKey, approximateDateYear, formatApproximateDate, parseApproximateDate } from './approximate_date.js';

describe('parseApproximateDate', () => {
  test('reads days, months, years, phrases and "not set", keeping them as given', () => {
    expect(parseApproximateDate('2008-04-28', 'd')).toEqual({ kind: 'day', iso: '2008-04-28' });
    expect(parseApproximateDate('2008-04', 'd')).toEqual({ kind: 'month', iso: '2008-04' });
    expect(parseApproximateDate('2005', 'd')).toEqual({ kind: 'year', year: 2005 });
    expect(parseApproximateDate('Not set', 'd')).toEqual({ kind: 'not-set' });
    expect(parseApproximateDate('within the year', 'd', '2008-04-28')).toEqual({ kind: 'phrase', text: 'within the year', statedOn: '2008-04-28' });
  });

  test('impossible dates are errors naming the field', () => {
    expect(() => parseApproximateDate('2008-02-30', 'meetings/0/date')).toThrow(/meetings\/0\/date: '2008-02-30' is not a valid date/);
    expect(() => parseApproximateDate('2008-13', 'x')).toThrow(/no month 13/);
    expect(() => parseApproximateDate('28/04/2008', 'x')).toThrow(/cannot read/);
  });
});

describe('formatApproximateDate / approximateDateSortKey / approximateDateYear', () => {
  test('a phrase shows when it was stated and sorts there; "not set" does not sort', () => {
    const phrase = parseApproximateDate('within the year', 'd', '2008-04-28');
    expect(formatApproximateDate(phrase)).toBe('within the year (as stated on 2008-04-28)');
    expect(approximateDateSortKey(phrase)).toBe('2008-04-28');
    expect(approximateDateYear(phrase)).toBe(2008);
    expect(approximateDateSortKey({ kind: 'not-set' })).toBeUndefined();
    expect(approximateDateSortKey({ kind: 'year', year: 2005 })).toBe('2005-01-01');
    expect(approximateDateYear(parseApproximateDate('soon', 'd', '2008-04-28'))).toBeUndefined();
  });
});
