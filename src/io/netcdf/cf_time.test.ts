import { describe, expect, test } from 'vitest';
import { bareTimeUnitS, cfTimeAxis, parseCfTimeUnits, parseTimeOrigin } from './cf_time.js';

describe('parseCfTimeUnits', () => {
  test('hours since a date at midnight UTC', () => {
    // 2024-01-01T00:00:00Z is 1704067200 s after the Unix epoch.
    expect(parseCfTimeUnits('hours since 2024-01-01')).toEqual({ factorS: 3600, epochS: 1704067200 });
  });

  test('seconds since the epoch with a +00:00 zone (met.no style)', () => {
    expect(parseCfTimeUnits('seconds since 1970-01-01 00:00:00 +00:00')).toEqual({ factorS: 1, epochS: 0 });
  });

  test('a zone offset moves the epoch: 02:00 at +02:00 is midnight UTC', () => {
    expect(parseCfTimeUnits('days since 2000-01-01T02:00:00+02:00', 'gregorian')).toEqual({ factorS: 86400, epochS: 946684800 });
  });

  test('minutes and a time with seconds', () => {
    // 2026-03-10T06:30:15Z = 1773124215 s.
    expect(parseCfTimeUnits('minutes since 2026-03-10 06:30:15', 'proleptic_gregorian')).toEqual({ factorS: 60, epochS: 1773124215 });
  });

  test('unknown units, malformed dates and other calendars are explained', () => {
    expect(parseCfTimeUnits('fortnights since 2020-01-01')).toMatch(/fortnights.*not seconds/);
    expect(parseCfTimeUnits('hours after 2020-01-01')).toMatch(/not "<unit> since/);
    expect(parseCfTimeUnits('hours since 2020-02-30')).toMatch(/not a valid date/);
    expect(parseCfTimeUnits('hours since 2020-01-01', '360_day')).toMatch(/calendar '360_day'/);
  });
});

describe('time units without an epoch (ROMS/CROCO) and time origins', () => {
  test('bare units: a factor, no epoch', () => {
    expect(bareTimeUnitS('second')).toBe(1);
    expect(bareTimeUnitS(' days ')).toBe(86400);
    expect(bareTimeUnitS('seconds since 2001-01-01')).toBeUndefined();
    expect(bareTimeUnitS('fortnight')).toBeUndefined();
  });

  test('origins in the ISO-like and the Ferret forms', () => {
    // 2001-01-01T00:00:00Z is 978307200 s after the Unix epoch; 2000-01-01T06:30Z is 946708200.
    expect(parseTimeOrigin('2001-01-01 00:00:00')).toBe(978307200);
    expect(parseTimeOrigin('01-JAN-2001 00:00:00')).toBe(978307200);
    expect(parseTimeOrigin('1-jan-2000 06:30')).toBe(946708200);
    expect(parseTimeOrigin('32-JAN-2000')).toMatch(/is not a date/);
    expect(parseTimeOrigin('01-XYZ-2000')).toMatch(/no month 'XYZ'/);
  });
});

describe('time units as the producers write them (CF §4.4, UDUNITS)', () => {
  // 2024-01-01T00:00Z is 1704067200 s after the Unix epoch.
  const T2024 = 1704067200;

  test('wgrib2 -netcdf: an offset without a sign ("00:00:00.0 0:00") is UTC', () => {
    expect(parseCfTimeUnits('seconds since 1970-01-01 00:00:00.0 0:00')).toEqual({ factorS: 1, epochS: 0 });
    expect(parseCfTimeUnits('hours since 2024-01-01 02:00 2:00')).toEqual({ factorS: 3600, epochS: T2024 });
  });

  test('years before 100 are those years, not 19xx (NOMADS OPeNDAP "days since 1-1-1 00:00:0.0")', () => {
    // proleptic Gregorian 0001-01-01 is 719162 days before 1970-01-01 (Python's date(1970,1,1).toordinal() - 1)
    expect(parseCfTimeUnits('days since 0001-01-01 00:00:00', 'proleptic_gregorian')).toEqual({ factorS: 86400, epochS: -719162 * 86400 });
    // and 0099-12-31 is 683004 days before it ((date(1970, 1, 1) - date(99, 12, 31)).days)
    expect(parseCfTimeUnits('days since 0099-12-31', 'proleptic_gregorian')).toEqual({ factorS: 86400, epochS: -683004 * 86400 });
  });

  test('the standard calendar is Julian before 1582-10-15: 1-1-1 is two days before the proleptic Gregorian one', () => {
    // the GrADS Data Server (NOMADS GFS) writes 738887 days since 1-1-1 for 2024-01-01T00Z, as cftime's
    // date2num(datetime(2024, 1, 1), 'days since 1-1-1 00:00:0.0', 'standard') gives; PSL's FAQ: 725738 is 1988-01-01
    const gds = parseCfTimeUnits('days since 1-1-1 00:00:0.0');
    expect(typeof gds).toBe('object');
    const { factorS, epochS } = gds as { factorS: number; epochS: number };
    expect(epochS + 738887 * factorS).toBe(T2024);
    expect(epochS + 725738 * factorS).toBe(Date.UTC(1988, 0, 1) / 1000);
    expect(parseCfTimeUnits('days since 1582-10-15', 'gregorian')).toEqual({ factorS: 86400, epochS: Date.UTC(1582, 9, 15) / 1000 });
    expect(parseCfTimeUnits('days since 1582-10-10')).toMatch(/1582-10-05 to 1582-10-14 do not exist/);
  });

  test('milliseconds and microseconds (xarray writes int64 times in them)', () => {
    expect(parseCfTimeUnits('milliseconds since 1970-01-01T00:00:00Z')).toEqual({ factorS: 0.001, epochS: 0 });
    expect(parseCfTimeUnits('microseconds since 2024-01-01')).toEqual({ factorS: 1e-6, epochS: T2024 });
  });

  test('the compact ISO 8601 form UDUNITS reads ("days since 19500101T000000Z")', () => {
    expect(parseCfTimeUnits('days since 19500101T000000Z')).toEqual({ factorS: 86400, epochS: Date.UTC(1950, 0, 1) / 1000 });
  });
});

describe('cfTimeToEpochS: every calendar CF defines', () => {
  const T2024 = 1704067200;
  const convert = (units: string, calendar: string, values: number[]): number[] | string => {
    const axis = cfTimeAxis(units, calendar);
    return typeof axis === 'string' ? axis : values.map((v) => axis.toEpochS(v));
  };

  test('standard, gregorian, proleptic_gregorian: elapsed time from the reference instant', () => {
    for (const calendar of ['standard', 'gregorian', 'proleptic_gregorian', 'GREGORIAN', ' standard ']) {
      expect(convert('hours since 2024-01-01 00:00:00', calendar, [0, 3, 7.5])).toEqual([T2024, T2024 + 10800, T2024 + 27000]);
    }
  });

  test('julian: the reference date is a Julian-calendar date (2023-12-19 Julian is 2024-01-01 Gregorian)', () => {
    expect(convert('days since 2023-12-19 00:00:00', 'julian', [0, 0.125])).toEqual([T2024, T2024 + 10800]);
  });

  test('noleap and 365_day: model dates, each the same date in UTC (2024 × 365 days from 2000 is 2024-01-01)', () => {
    for (const calendar of ['noleap', '365_day']) {
      expect(convert('days since 2000-01-01 00:00:00', calendar, [24 * 365, 24 * 365 + 0.125])).toEqual([T2024, T2024 + 10800]);
      // day 59 of 2024 is 1 March in a year without 29 February; 28 February 23:00 is an hour before it
      expect(convert('hours since 2024-01-01', calendar, [59 * 24, 59 * 24 - 1])).toEqual([Date.UTC(2024, 2, 1) / 1000, Date.UTC(2024, 1, 28, 23) / 1000]);
    }
  });

  test('all_leap and 366_day: model dates; a 29 February UTC lacks (2023) is refused by its value', () => {
    expect(convert('days since 2024-01-01', 'all_leap', [366, 366 + 60])).toEqual([Date.UTC(2025, 0, 1) / 1000, Date.UTC(2025, 2, 1) / 1000]);
    const axis = cfTimeAxis('days since 2023-01-01', '366_day');
    if (typeof axis === 'string') throw new Error(axis);
    expect(() => axis.toEpochS(59)).toThrow(/2023-02-29, which is not a date in UTC/);
  });

  test('360_day and none are refused with what to do', () => {
    expect(cfTimeAxis('days since 2000-01-01', '360_day')).toMatch(/calendar '360_day'.*30-day months.*standard calendar/);
    expect(cfTimeAxis('days since 2000-01-01', 'none')).toMatch(/calendar 'none'/);
    expect(cfTimeAxis('days since 2000-01-01', 'martian')).toMatch(/calendar 'martian' is not a CF calendar/);
  });
});
