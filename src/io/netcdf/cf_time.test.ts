import { describe, expect, test } from 'vitest';
import { bareTimeUnitS, parseCfTimeUnits, parseTimeOrigin } from './cf_time.js';

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
