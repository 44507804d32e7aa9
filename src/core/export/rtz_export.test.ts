import { describe, expect, test } from 'vitest';
import { parallelSweep } from '../search/patterns/index.js';
import { InvalidInputError } from '../errors.js';
import { routeToRtz, SARBRIDGE_RTZ_NAMESPACE } from './rtz_export.js';
import { AWKWARD_UNIT, AWKWARD_WAYPOINT, lonDifferenceDeg, testRoutes } from './routes_test_support.js';
import { childNamed, childrenNamed, parseXml, sequenceProblems, type SequenceItem } from './xml_test_support.js';

// Element order of the RTZ 1.0 schema (IEC 61174 Ed. 4.0:2015): Route, Waypoints, Waypoint.
const ROUTE_SEQUENCE: SequenceItem[] = [['routeInfo', 1, 1], ['waypoints', 1, 1], ['schedules', 0, 1], ['extensions', 0, 1]];
const WAYPOINTS_SEQUENCE: SequenceItem[] = [['defaultWaypoint', 0, 1], ['waypoint', 2, Infinity], ['extensions', 0, 1]];
const WAYPOINT_SEQUENCE: SequenceItem[] = [['position', 1, 1], ['leg', 0, 1], ['extensions', 0, 1]];

describe('routeToRtz', () => {
  const routes = testRoutes();
  const parsed = routes.map((r) => parseXml(routeToRtz(r)));

  test('root <route> in the RTZ 1.0 namespace with version="1.0"; routeInfo names the route and unit', () => {
    for (const rtz of parsed) {
      expect(rtz.name).toBe('route');
      expect(rtz.attributes.xmlns).toBe('http://www.cirm.org/RTZ/1/0');
      expect(rtz.attributes.version).toBe('1.0');
    }
    const info = childNamed(parsed[0], 'routeInfo').attributes;
    expect(info.routeName).toBe(`${AWKWARD_UNIT} SS`);
    expect(info.vesselName).toBe(AWKWARD_UNIT);
    expect(info.validityPeriodStart).toBe('2026-03-10T00:00:00Z');
    expect(parseXml(routeToRtz(routes[1], { routeName: 'PS-1 & "B"' })).children[0].attributes.routeName).toBe('PS-1 & "B"');
  });

  test('elements follow the RTZ 1.0 sequences', () => {
    for (const rtz of parsed) {
      const waypoints = childNamed(rtz, 'waypoints');
      const problems = [...sequenceProblems(rtz, ROUTE_SEQUENCE), ...sequenceProblems(waypoints, WAYPOINTS_SEQUENCE)];
      for (const w of childrenNamed(waypoints, 'waypoint')) problems.push(...sequenceProblems(w, WAYPOINT_SEQUENCE));
      expect(problems).toEqual([]);
    }
  });

  test('waypoint ids are unique non-negative integers; the first waypoint has no <leg>, every other one has', () => {
    for (const [r, rtz] of parsed.entries()) {
      const waypoints = childrenNamed(childNamed(rtz, 'waypoints'), 'waypoint');
      const ids = waypoints.map((w) => w.attributes.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);
      expect(childrenNamed(waypoints[0], 'leg').length).toBe(0);
      expect(waypoints.slice(1).every((w) => childrenNamed(w, 'leg').length === 1)).toBe(true);
      expect(waypoints.slice(1).every((w) => childNamed(w, 'leg').attributes.geometryType === 'Orthodrome')).toBe(true);
      // cross-track distances: half the track spacing to each side (RTZ 1.0 leg attributes, NM)
      const half = String(Number((routes[r].route.trackSpacingNm / 2).toFixed(3)));
      expect(waypoints.slice(1).every((w) => childNamed(w, 'leg').attributes.starboardXTD === half && childNamed(w, 'leg').attributes.portsideXTD === half)).toBe(true);
    }
  });

  test('positions round-trip to 1e-6 degree with lon in [-180, 180); names with XML specials round-trip', () => {
    parsed.forEach((rtz, r) => {
      const waypoints = childrenNamed(childNamed(rtz, 'waypoints'), 'waypoint');
      const expected = routes[r].route.waypoints;
      expect(waypoints.length).toBe(expected.length);
      waypoints.forEach((w, i) => {
        const p = childNamed(w, 'position').attributes;
        expect(Math.abs(Number(p.lat) - expected[i].latDeg)).toBeLessThan(1e-6);
        expect(lonDifferenceDeg(Number(p.lon), expected[i].lonDeg)).toBeLessThan(1e-6);
        expect(Number(p.lon) >= -180 && Number(p.lon) < 180).toBe(true);
        expect(w.attributes.name).toBe(expected[i].name);
      });
    });
    expect(childrenNamed(childNamed(parsed[0], 'waypoints'), 'waypoint')[2].attributes.name).toBe(AWKWARD_WAYPOINT);
  });

  test('the calculated schedule gives etd/eta per waypoint id (RTZ 1.0 spells it sheduleElement)', () => {
    parsed.forEach((rtz, r) => {
      const elements = childrenNamed(childNamed(childNamed(childNamed(rtz, 'schedules'), 'schedule'), 'calculated'), 'sheduleElement');
      const ids = childrenNamed(childNamed(rtz, 'waypoints'), 'waypoint').map((w) => w.attributes.id);
      expect(elements.map((e) => e.attributes.waypointId)).toEqual(ids);
      const expected = routes[r].route.waypoints;
      elements.forEach((e, i) => {
        const time = e.attributes.eta ?? e.attributes.etd;
        expect(Date.parse(time) / 1000).toBeCloseTo(expected[i].timeS, 3);
      });
      expect(elements[0].attributes.eta).toBeUndefined();
      expect(elements[elements.length - 1].attributes.etd).toBeUndefined();
    });
    const first = childrenNamed(childNamed(childNamed(childNamed(parsed[0], 'schedules'), 'schedule'), 'calculated'), 'sheduleElement');
    expect(first[1].attributes.eta).toBe('2026-03-10T00:06:00Z'); // 1 NM at 10 kn
  });

  test('the searchPattern extension carries pattern, track spacing, CSP and unit', () => {
    const extension = childNamed(childNamed(parsed[1], 'extensions'), 'extension');
    expect(extension.attributes).toMatchObject({ manufacturer: 'sarbridge', name: 'searchPattern', version: '1.0' });
    const pattern = childNamed(extension, 'sb:searchPattern');
    expect(pattern.attributes['xmlns:sb']).toBe(SARBRIDGE_RTZ_NAMESPACE);
    expect(pattern.attributes).toMatchObject({ pattern: 'PS', trackSpacingNm: '2', unit: 'JS Ship 2', cutByEndurance: 'true' });
    expect(Math.abs(Number(pattern.attributes.cspLat) - routes[1].route.csp.latDeg)).toBeLessThan(1e-6);
    expect(Math.abs(Number(pattern.attributes.cspLon) - routes[1].route.csp.lonDeg)).toBeLessThan(1e-6);
    const parameters = Object.fromEntries(childrenNamed(pattern, 'sb:parameter').map((p) => [p.attributes.name, p.attributes.value]));
    expect(parameters).toMatchObject({ areaLengthNm: '10', areaWidthNm: '6', areaOrientationDeg: '30', turn: 'left', trackCount: '3' });
    expect(childNamed(childNamed(childNamed(parsed[0], 'extensions'), 'extension'), 'sb:searchPattern').attributes.unit).toBe(AWKWARD_UNIT);
  });

  test('a route with fewer than two waypoints or no unit name is refused, naming the field', () => {
    const [first] = routes;
    expect(() => routeToRtz({ ...first, route: { ...first.route, waypoints: first.route.waypoints.slice(0, 1) } }))
      .toThrow(/^route\.route\.waypoints:/);
    expect(() => routeToRtz({ ...first, unitName: '' })).toThrow(InvalidInputError);
  });

  test('a route flown with turns gives each turning waypoint its radius; the first and last have none', () => {
    const turning = parallelSweep({
      area: { centre: { lonDeg: 130.2, latDeg: 36.4 }, lengthNm: 10, widthNm: 6, orientationDeg: 30 },
      trackSpacingNm: 2, turn: 'left', unit: { speedKn: 12, startTimeS: 1_773_100_800, turnRadiusNm: 0.25 },
    });
    const waypoints = childrenNamed(childNamed(parseXml(routeToRtz({ unitName: 'SHIP', route: turning })), 'waypoints'), 'waypoint');
    expect(waypoints.map((w) => w.attributes.radius)).toEqual([undefined, ...waypoints.slice(1, -1).map(() => '0.25'), undefined]);
  });
});
