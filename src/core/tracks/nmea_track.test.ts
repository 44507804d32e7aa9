import { describe, expect, test } from 'vitest';
import { parseNmeaTrack } from './nmea_track.js';
import { TRACK_LIMITS } from './timed_track.js';
import { TrackFileError } from './track_file_error.js';

/** A sentence with its checksum (XOR of the characters between $ and *). */
function nmea(body: string): string {
  let sum = 0;
  for (const c of body) sum ^= c.charCodeAt(0);
  return `$${body}*${sum.toString(16).toUpperCase().padStart(2, '0')}`;
}

const utc = (iso: string): number => Date.parse(iso) / 1000;

function errorOf(text: string, options = {}): TrackFileError {
  try { parseNmeaTrack(text, 'ship.nmea', options); } catch (e) { if (e instanceof TrackFileError) return e; throw e; }
  throw new Error('no error');
}

describe('parseNmeaTrack', () => {
  test('the textbook GGA and RMC of one fix (checksums 47 and 6A) give one position, 48°07.038′N 11°31.000′E, 23 March 1994 12:35:19Z', () => {
    // The example sentences of the widely quoted NMEA description (gpsinformation.org, "NMEA data").
    const r = parseNmeaTrack([
      '$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47',
      '$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A',
      nmea('GPRMC,123529,A,4807.100,N,01131.100,E,022.4,084.4,230394,003.1,W'),
    ].join('\n'), 'ship.nmea');
    expect(r.format).toBe('nmea');
    expect(r.points).toHaveLength(2);
    expect(r.points[0].timeS).toBe(utc('1994-03-23T12:35:19Z'));
    expect(r.points[0].latDeg).toBeCloseTo(48 + 7.038 / 60, 9);
    expect(r.points[0].lonDeg).toBeCloseTo(11 + 31 / 60, 9);
    expect(r.warnings.join(' ')).toMatch(/read once/);
  });

  test('any talker (GN, GL, GA, BD), south and west, GLL and GGA dated by the RMC before them', () => {
    const r = parseNmeaTrack([
      nmea('GNRMC,060000.00,A,3712.500,S,13130.250,W,10.0,090.0,100326,,,A'),
      nmea('GLGGA,060010.00,3712.600,S,13130.300,W,1,08,0.9,10,M,20,M,,'),
      nmea('GAGLL,3712.700,S,13130.400,W,060020.00,A,A'),
      nmea('BDGLL,3712.800,S,13130.500,W,060030.00,A,D'),
    ].join('\r\n'), 'ship.nmea');
    expect(r.points.map((p) => p.timeS)).toEqual([0, 10, 20, 30].map((s) => utc('2026-03-10T06:00:00Z') + s));
    expect(r.points[0].latDeg).toBeCloseTo(-(37 + 12.5 / 60), 9);
    expect(r.points[0].lonDeg).toBeCloseTo(-(131 + 30.25 / 60), 9);
  });

  test('GGA before the first RMC takes its date, and the day before when it was before midnight', () => {
    const r = parseNmeaTrack([
      nmea('GPGGA,235950,3700.000,N,13100.000,E,1,08,0.9,10,M,20,M,,'),
      nmea('GPGGA,000000,3700.010,N,13100.000,E,1,08,0.9,10,M,20,M,,'),
      nmea('GPRMC,000010,A,3700.020,N,13100.000,E,5.0,000.0,110326,,,A'),
    ].join('\n'), 'ship.nmea');
    expect(r.points.map((p) => p.timeS)).toEqual([utc('2026-03-10T23:59:50Z'), utc('2026-03-11T00:00:00Z'), utc('2026-03-11T00:00:10Z')]);
  });

  test('GGA alone with the date given rolls over at midnight', () => {
    const r = parseNmeaTrack([
      nmea('GPGGA,235959.5,3700.000,N,13100.000,E,1,08,0.9,10,M,20,M,,'),
      nmea('GPGGA,000000.5,3700.010,N,13100.000,E,1,08,0.9,10,M,20,M,,'),
    ].join('\n'), 'ship.nmea', { dateUtc: '2026-12-31' });
    expect(r.points.map((p) => p.timeS)).toEqual([utc('2026-12-31T23:59:59.5Z'), utc('2027-01-01T00:00:00.5Z')]);
  });

  test('void fixes (RMC V, GGA quality 0, GLL V, mode N) are skipped with a count and their first lines', () => {
    const r = parseNmeaTrack([
      nmea('GPRMC,060000,V,,,,,,,100326,,,N'),
      nmea('GPGGA,060001,,,,,0,00,,,M,,M,,'),
      nmea('GPGLL,3700.000,N,13100.000,E,060002,V,N'),
      nmea('GPRMC,060003,A,3700.000,N,13100.000,E,5.0,000.0,100326,,,N'),
      nmea('GPGSV,3,1,11,03,03,111,00,04,15,270,00,06,01,010,00,13,06,292,00'),
      nmea('GPRMC,060010,A,3700.000,N,13100.000,E,5.0,000.0,100326,,,A'),
      nmea('GPRMC,060020,A,3700.100,N,13100.000,E,5.0,000.0,100326,,,A'),
      '!AIVDM,1,1,,A,13aEOK?P00PD2wVMdLDRhgvL289?,0*26',
      '',
    ].join('\n'), 'ship.nmea');
    expect(r.points).toHaveLength(2);
    expect(r.warnings).toContain('4 sentences without a valid fix (status V, quality 0 or mode N) left out, first at lines 1, 2, 3');
    expect(r.warnings.join(' ')).toMatch(/1 sentence other than GGA, RMC and GLL/);
    expect(r.warnings.join(' ')).toMatch(/1 AIS sentence/);
  });

  test('a logger time stamp before the $ is ignored, a sentence without checksum is read', () => {
    const r = parseNmeaTrack([
      '2026-03-10 06:00:00 $GPRMC,060000,A,3700.000,N,13100.000,E,5.0,000.0,100326,,',
      '2026-03-10 06:00:10 $GPRMC,060010,A,3700.100,N,13100.000,E,5.0,000.0,100326,,',
    ].join('\n'), 'ship.log');
    expect(r.points).toHaveLength(2);
  });

  const rmc = (t: string, lat = '3700.000', lon = '13100.000', date = '100326'): string => nmea(`GPRMC,${t},A,${lat},N,${lon},E,5.0,000.0,${date},,,A`);
  const good = rmc('060000');

  test.each([
    ['a bad latitude', [good, rmc('060010', '37xx.5')].join('\n'), "line 2: RMC latitude '37xx.5' is not ddmm.mmm"],
    ['minutes of 60', [good, rmc('060010', '3760.000')].join('\n'), "line 2: RMC latitude '3760.000' has 60.000 minutes"],
    ['a longitude with two degree digits', [good, rmc('060010', '3700.000', '3100.000')].join('\n'), "line 2: RMC longitude '3100.000' is not dddmm.mmm"],
    ['a longitude beyond 180', [good, rmc('060010', '3700.000', '18100.000')].join('\n'), "line 2: RMC longitude '18100.000' is more than 180°"],
    ['a wrong checksum', [good, '$GPRMC,060010,A,3700.000,N,13100.000,E,5.0,000.0,100326,,,A*00'].join('\n'), 'line 2: checksum 00 does not match the sentence'],
    ['a checksum that is not hex', [good, '$GPRMC,060010,A,3700.000,N,13100.000,E,5.0,000.0,100326,,,A*ZZ'].join('\n'), "line 2: checksum 'ZZ' is not two hex digits"],
    ['a bad time', [good, rmc('061360')].join('\n'), "line 2: RMC time '061360' is not hhmmss.ss"],
    ['a bad date', [good, rmc('060010', '3700.000', '13100.000', '310226')].join('\n'), "line 2: RMC date '310226' is not ddmmyy"],
    ['a hemisphere that is not N/S', [good, nmea('GPGGA,060010,3700.000,X,13100.000,E,1,08,0.9,10,M,20,M,,')].join('\n'), "line 2: GGA latitude hemisphere 'X' is neither N nor S"],
    ['too few fields', [good, nmea('GPRMC,060010,A,3700.000')].join('\n'), 'line 2: RMC has 3 fields, fewer than the 9 it needs'],
    ['an RMC status that is neither A nor V', [good, nmea('GPRMC,060010,X,3700.000,N,13100.000,E,5.0,000.0,100326,,,A')].join('\n'), "line 2: RMC status 'X'"],
    ['a line that is not NMEA', [good, 'hello world'].join('\n'), "line 2: 'hello world' is not an NMEA sentence (no '$')"],
    ['a bad address', [good, nmea('G,1,2')].join('\n'), "line 2: 'G' is not an NMEA address"],
    ['a time going back', [good, rmc('060010'), rmc('060005')].join('\n'), 'line 3: time 2026-03-10T06:00:05Z goes back from 2026-03-10T06:00:10Z at line 2'],
    ['a date going back', [good, rmc('060010', '3700.000', '13100.000', '090326')].join('\n'), 'line 2: time 2026-03-09T06:00:10Z goes back'],
    ['a line too long', [good, `$GPRMC,${'1'.repeat(600)}`].join('\n'), 'line 2: 607 characters: not an NMEA sentence'],
  ])('%s is refused with its line', (_what, text, message) => {
    const e = errorOf(text);
    expect(e.code).toBe('SARB_TRACK_FILE');
    expect(e.message).toContain(`ship.nmea: ${message}`);
  });

  test('a log with no valid fix, or one, is refused saying what it held', () => {
    expect(errorOf([nmea('GPRMC,060000,V,,,,,,,100326,,,N'), nmea('GPGSV,1,1,00')].join('\n')).message)
      .toBe('ship.nmea: no usable position: a track needs at least two timed positions (2 lines, 1 position sentences without a valid fix, 1 other sentences)');
    expect(errorOf(good).message).toMatch(/only one usable position/);
    expect(errorOf('').message).toMatch(/no usable position/);
  });

  test('GGA without any RMC and no date given asks for the date', () => {
    const e = errorOf(nmea('GPGGA,060010,3700.000,N,13100.000,E,1,08,0.9,10,M,20,M,,'));
    expect(e.message).toBe('ship.nmea: line 1: GGA gives only the time of day, and the log has no RMC to give the date: give the date of the first fix (UTC)');
    expect(errorOf(good, { dateUtc: '2026-02-30' }).message).toMatch(/the date given '2026-02-30' is not YYYY-MM-DD/);
  });

  test('a date given that the RMC contradicts is said in a warning, the RMC wins', () => {
    const r = parseNmeaTrack([good, rmc('060010')].join('\n'), 'ship.nmea', { dateUtc: '2026-03-09' });
    expect(r.points[0].timeS).toBe(utc('2026-03-10T06:00:00Z'));
    expect(r.warnings.join(' ')).toMatch(/not the first RMC's \(2026-03-10, line 1\)/);
  });

  test(`more than ${TRACK_LIMITS.maxPoints} positions are refused at the line that passes the limit`, () => {
    const lines: string[] = [];
    for (let k = 0; k <= TRACK_LIMITS.maxPoints; k++) {
      const s = k % 86_400;
      const t = `${String(Math.floor(s / 3600)).padStart(2, '0')}${String(Math.floor(s / 60) % 60).padStart(2, '0')}${String(s % 60).padStart(2, '0')}`;
      lines.push(`$GPGGA,${t},3700.000,N,13100.000,E,1,08,0.9,10,M,20,M,,`);
    }
    expect(errorOf(lines.join('\n'), { dateUtc: '2026-03-10' }).message).toMatch(new RegExp(`line ${TRACK_LIMITS.maxPoints + 1}: more than ${TRACK_LIMITS.maxPoints} timed positions`));
  });
});
