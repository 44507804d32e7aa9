import { describe, expect, test } from 'vitest';
import { routesToGpx } from './gpx_export.js';
import { AWKWARD_UNIT, AWKWARD_WAYPOINT, lonDifferenceDeg, testRoutes } from './routes_test_support.js';
import { childNamed, childrenNamed, parseXml, sequenceProblems, type SequenceItem } from './xml_test_support.js';

// Element order of gpx.xsd (GPX 1.1): gpxType, rteType and wptType sequences.
const GPX_SEQUENCE: SequenceItem[] = [['metadata', 0, 1], ['wpt', 0, Infinity], ['rte', 0, Infinity], ['trk', 0, Infinity], ['extensions', 0, 1]];
const RTE_SEQUENCE: SequenceItem[] = [['name', 0, 1], ['cmt', 0, 1], ['desc', 0, 1], ['src', 0, 1], ['link', 0, Infinity],
  ['number', 0, 1], ['type', 0, 1], ['extensions', 0, 1], ['rtept', 0, Infinity]];
const WPT_SEQUENCE: SequenceItem[] = [['ele', 0, 1], ['time', 0, 1], ['magvar', 0, 1], ['geoidheight', 0, 1], ['name', 0, 1],
  ['cmt', 0, 1], ['desc', 0, 1], ['src', 0, 1], ['link', 0, Infinity], ['sym', 0, 1], ['type', 0, 1], ['fix', 0, 1],
  ['sat', 0, 1], ['hdop', 0, 1], ['vdop', 0, 1], ['pdop', 0, 1], ['ageofdgpsdata', 0, 1], ['dgpsid', 0, 1], ['extensions', 0, 1]];

describe('routesToGpx', () => {
  const routes = testRoutes();
  const gpx = parseXml(routesToGpx(routes, { documentName: 'SAREX <26-1> & "co"' }));

  test('root <gpx> in the GPX 1.1 namespace, version 1.1, with a creator', () => {
    expect(gpx.name).toBe('gpx');
    expect(gpx.attributes.xmlns).toBe('http://www.topografix.com/GPX/1/1');
    expect(gpx.attributes.version).toBe('1.1');
    expect(gpx.attributes.creator).toBe('sarbridge');
    expect(childNamed(childNamed(gpx, 'metadata'), 'name').text).toBe('SAREX <26-1> & "co"');
  });

  test('elements follow the gpx.xsd sequences; lat in [-90, 90], lon in [-180, 180)', () => {
    const problems = sequenceProblems(gpx, GPX_SEQUENCE);
    for (const rte of childrenNamed(gpx, 'rte')) {
      problems.push(...sequenceProblems(rte, RTE_SEQUENCE));
      for (const pt of childrenNamed(rte, 'rtept')) {
        problems.push(...sequenceProblems(pt, WPT_SEQUENCE));
        const lat = Number(pt.attributes.lat);
        const lon = Number(pt.attributes.lon);
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon < 180)) problems.push(`rtept ${lat}, ${lon} out of range`);
        if (!/^-?\d+(\.\d+)?$/.test(pt.attributes.lat) || !/^-?\d+(\.\d+)?$/.test(pt.attributes.lon)) problems.push('not xsd:decimal');
      }
    }
    expect(problems).toEqual([]);
  });

  test('one <rte> per unit, named after it (XML specials round-trip)', () => {
    const rtes = childrenNamed(gpx, 'rte');
    expect(rtes.map((r) => childNamed(r, 'name').text)).toEqual([AWKWARD_UNIT, 'JS Ship 2', 'Date line']);
    expect(rtes.map((r) => childNamed(r, 'type').text)).toEqual(['SS', 'PS', 'SS']);
  });

  test('every <rtept> gives the waypoint to 1e-6 degree, its time and its name', () => {
    childrenNamed(gpx, 'rte').forEach((rte, r) => {
      const points = childrenNamed(rte, 'rtept');
      const waypoints = routes[r].route.waypoints;
      expect(points.length).toBe(waypoints.length);
      points.forEach((pt, i) => {
        expect(Math.abs(Number(pt.attributes.lat) - waypoints[i].latDeg)).toBeLessThan(1e-6);
        expect(lonDifferenceDeg(Number(pt.attributes.lon), waypoints[i].lonDeg)).toBeLessThan(1e-6);
        expect(Date.parse(childNamed(pt, 'time').text) / 1000).toBeCloseTo(waypoints[i].timeS, 3);
        expect(childNamed(pt, 'name').text).toBe(waypoints[i].name);
      });
    });
    expect(childNamed(childrenNamed(childrenNamed(gpx, 'rte')[0], 'rtept')[2], 'name').text).toBe(AWKWARD_WAYPOINT);
    expect(childNamed(childrenNamed(childrenNamed(gpx, 'rte')[0], 'rtept')[1], 'time').text).toBe('2026-03-10T00:06:00Z');
  });

  test('the route across the date line keeps longitudes in [-180, 180)', () => {
    const lons = childrenNamed(childrenNamed(gpx, 'rte')[2], 'rtept').map((p) => Number(p.attributes.lon));
    expect(lons.some((l) => l < 0) && lons.some((l) => l > 0)).toBe(true);
  });
});
