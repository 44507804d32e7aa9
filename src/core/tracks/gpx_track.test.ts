import { describe, expect, test } from 'vitest';
import { parseGpxTrack, parseXsdDateTime } from './gpx_track.js';
import { parseTrackFile } from './track_file.js';
import { TrackFileError } from './track_file_error.js';

const utc = (iso: string): number => Date.parse(iso) / 1000;

const gpx = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
${body}
</gpx>`;

const pt = (lat: number | string, lon: number | string, time?: string, tag = 'trkpt'): string =>
  `<${tag} lat="${lat}" lon="${lon}">${time === undefined ? '' : `<time>${time}</time>`}</${tag}>`;

function errorOf(text: string): TrackFileError {
  try { parseGpxTrack(text, 'ship.gpx'); } catch (e) { if (e instanceof TrackFileError) return e; throw e; }
  throw new Error('no error');
}

describe('parseGpxTrack', () => {
  test('a track of two segments: points in order, segment starts, a waypoint left out', () => {
    const r = parseGpxTrack(gpx(`<wpt lat="37.2" lon="131.8"><name>datum</name></wpt>
<trk><name>KR-SHIP-1</name>
<trkseg>
${pt(37.1, 131.5, '2026-03-10T06:00:00Z')}
${pt(37.11, 131.51, '2026-03-10T06:10:00.5Z')}
</trkseg>
<trkseg>
${pt(37.2, 131.6, '2026-03-10T15:20:00+09:00')}
${pt(37.21, 131.61, '2026-03-10T06:30:00Z')}
</trkseg>
</trk>`), 'ship.gpx');
    expect(r.format).toBe('gpx');
    expect(r.points.map((p) => p.timeS)).toEqual([utc('2026-03-10T06:00:00Z'), utc('2026-03-10T06:10:00.5Z'), utc('2026-03-10T06:20:00Z'), utc('2026-03-10T06:30:00Z')]);
    expect(r.points[2]).toMatchObject({ latDeg: 37.2, lonDeg: 131.6 });
    expect(r.segmentStarts).toEqual([0, 2]);
    expect(r.warnings).toEqual(['1 waypoint (<wpt>) left out: marks, not a track']);
  });

  test('a namespace prefix, a BOM, comments and a time without a zone (UTC by the GPX schema)', () => {
    const r = parseGpxTrack(`\uFEFF<?xml version="1.0"?>
<g:gpx xmlns:g="http://www.topografix.com/GPX/1/1" version="1.1" creator="x">
<!-- <g:trkpt lat="0" lon="0"> in a comment is no point -->
<g:trk><g:trkseg>
<g:trkpt lat="37" lon="131"><g:time>2026-03-10T06:00:00</g:time></g:trkpt>
<g:trkpt lat="37.1" lon="131"><g:time>2026-03-10T06:01:00Z</g:time></g:trkpt>
</g:trkseg></g:trk></g:gpx>`, 'ship.gpx');
    expect(r.points[0].timeS).toBe(utc('2026-03-10T06:00:00Z'));
    expect(r.warnings).toContain('1 time without a zone read as UTC, as GPX defines');
  });

  test('segments listed newest first are put in time order', () => {
    const r = parseGpxTrack(gpx(`<trk><trkseg>${pt(1, 1, '2026-03-10T08:00:00Z')}${pt(1, 2, '2026-03-10T08:10:00Z')}</trkseg></trk>
<trk><trkseg>${pt(2, 1, '2026-03-10T06:00:00Z')}${pt(2, 2, '2026-03-10T06:10:00Z')}</trkseg></trk>`), 'ship.gpx');
    expect(r.points.map((p) => p.latDeg)).toEqual([2, 2, 1, 1]);
    expect(r.warnings).toContain('segments put in time order (the file lists a later one first)');
  });

  test('a timed route is read when there is no track; a track wins over a route', () => {
    const route = `<rte>${pt(1, 1, '2026-03-10T06:00:00Z', 'rtept')}${pt(1, 2, '2026-03-10T06:10:00Z', 'rtept')}</rte>`;
    expect(parseGpxTrack(gpx(route), 'ship.gpx').points).toHaveLength(2);
    const both = parseGpxTrack(gpx(`${route}<trk><trkseg>${pt(5, 5, '2026-03-10T07:00:00Z')}${pt(5, 6, '2026-03-10T07:10:00Z')}${pt(5, 7, '2026-03-10T07:20:00Z')}</trkseg></trk>`), 'ship.gpx');
    expect(both.points).toHaveLength(3);
    expect(both.warnings).toContain('1 route (<rte>) left out: the file has a track');
  });

  test.each([
    ['a point without time', gpx(`<trk><trkseg>\n${pt(1, 1, '2026-03-10T06:00:00Z')}\n${pt(1, 2)}\n</trkseg></trk>`), 'line 5: <trkpt> has no <time>: a search done needs the time at every point'],
    ['a latitude of 97', gpx(`<trk><trkseg>\n${pt(97, 1, '2026-03-10T06:00:00Z')}\n</trkseg></trk>`), "line 4: <trkpt> lat '97' is not a latitude in degrees (-90 to 90)"],
    ['a longitude that is not a number', gpx(`<trk><trkseg>\n${pt(1, '131,5', '2026-03-10T06:00:00Z')}\n</trkseg></trk>`), "line 4: <trkpt> lon '131,5' is not a longitude"],
    ['a missing lon', gpx('<trk><trkseg>\n<trkpt lat="1"><time>2026-03-10T06:00:00Z</time></trkpt>\n</trkseg></trk>'), 'line 4: <trkpt> needs both lat and lon attributes'],
    ['an impossible time', gpx(`<trk><trkseg>\n${pt(1, 1, '2026-02-30T06:00:00Z')}\n</trkseg></trk>`), "line 4: <time> '2026-02-30T06:00:00Z' is not an xsd:dateTime"],
    ['a time going back', gpx(`<trk><trkseg>\n${pt(1, 1, '2026-03-10T06:00:00Z')}\n${pt(1, 2, '2026-03-10T05:59:00Z')}\n</trkseg></trk>`), 'line 5: time 2026-03-10T05:59:00Z goes back from 2026-03-10T06:00:00Z at line 4'],
    ['overlapping segments', gpx(`<trk><trkseg>\n${pt(1, 1, '2026-03-10T06:00:00Z')}\n${pt(1, 2, '2026-03-10T07:00:00Z')}\n</trkseg><trkseg>\n${pt(1, 1, '2026-03-10T06:30:00Z')}\n${pt(1, 2, '2026-03-10T07:30:00Z')}\n</trkseg></trk>`), 'two segments overlap in time (line 7 starts at 2026-03-10T06:30:00Z'],
    ['malformed XML', gpx('<trk><trkseg>\n<trkpt lat="1" lon="1"></trkseg></trk>'), 'line 4: not well-formed XML'],
    ['another root', '<?xml version="1.0"?><kml><Document/></kml>', 'the root element is <kml>, not <gpx>'],
    ['no points', gpx('<trk><name>empty</name></trk>'), 'no usable position: a track needs at least two timed positions'],
    ['one point', gpx(`<trk><trkseg>${pt(1, 1, '2026-03-10T06:00:00Z')}</trkseg></trk>`), 'only one usable position'],
    ['an untimed route (a plan)', gpx(`<rte>${pt(1, 1, undefined, 'rtept')}${pt(1, 2, undefined, 'rtept')}</rte>`), 'the file has no track, only a route whose points lack times (2 of 2)'],
    ['entity declarations', `<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY a "aaaa">]>\n<gpx/>`, 'line 2: the document declares XML entities'],
  ])('%s is refused', (_what, text, message) => {
    const e = errorOf(text);
    expect(e.code).toBe('SARB_TRACK_FILE');
    expect(e.message).toContain(`ship.gpx: ${message}`);
  });
});

describe('parseXsdDateTime', () => {
  test('zones, fractions, and impossible dates', () => {
    expect(parseXsdDateTime('2026-03-10T15:00:00+09:00')).toEqual({ timeS: utc('2026-03-10T06:00:00Z'), zoned: true });
    expect(parseXsdDateTime('2026-03-10T06:00:00.25Z')?.timeS).toBe(utc('2026-03-10T06:00:00.25Z'));
    expect(parseXsdDateTime('2026-03-10T06:00:00')).toEqual({ timeS: utc('2026-03-10T06:00:00Z'), zoned: false });
    expect(parseXsdDateTime('2026-03-10 06:00')).toBeNull();
    expect(parseXsdDateTime('2026-13-10T06:00:00Z')).toBeNull();
  });
});

describe('parseTrackFile', () => {
  const nmeaText = '$GPRMC,060000,A,3700.000,N,13100.000,E,5.0,000.0,100326,,\n$GPRMC,060010,A,3700.100,N,13100.000,E,5.0,000.0,100326,,\n';
  const gpxText = gpx(`<trk><trkseg>${pt(1, 1, '2026-03-10T06:00:00Z')}${pt(1, 2, '2026-03-10T06:10:00Z')}</trkseg></trk>`);
  test('picks the format by the name, else by the first character', () => {
    expect(parseTrackFile(gpxText, 'a.GPX').format).toBe('gpx');
    expect(parseTrackFile(nmeaText, 'a.nmea').format).toBe('nmea');
    expect(parseTrackFile(nmeaText, 'a.txt').format).toBe('nmea');
    expect(parseTrackFile(nmeaText, 'a.log').format).toBe('nmea');
    expect(parseTrackFile(gpxText, 'track').format).toBe('gpx');
    expect(parseTrackFile(nmeaText, 'track').format).toBe('nmea');
    expect(() => parseTrackFile('lat,lon\n1,2', 'track.csv')).toThrow('track.csv: neither GPX nor NMEA 0183: name it .gpx, .nmea, .txt, .log');
  });
  test('a GPX file named .nmea fails as NMEA, on its first line', () => {
    expect(() => parseTrackFile(gpxText, 'a.nmea')).toThrow(/a\.nmea: line 1: .* is not an NMEA sentence/);
  });
});
