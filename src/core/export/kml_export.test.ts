import { describe, expect, test } from 'vitest';
import { parallelSweep } from '../search/patterns/index.js';
import { routesToKml } from './kml_export.js';
import { AWKWARD_UNIT, AWKWARD_WAYPOINT, lonDifferenceDeg, testRoutes } from './routes_test_support.js';
import { childNamed, childrenNamed, parseXml, sequenceProblems, type SequenceItem } from './xml_test_support.js';

// KML 2.2 (OGC 07-147r2) order of the Feature and Placemark elements used here.
const PLACEMARK_SEQUENCE: SequenceItem[] = [['name', 0, 1], ['description', 0, 1], ['TimeStamp', 0, 1], ['TimeSpan', 0, 1],
  ['styleUrl', 0, 1], ['ExtendedData', 0, 1], ['LineString', 0, 1], ['Point', 0, 1], ['Polygon', 0, 1]];
// a Document: its name, then StyleSelectors, then Features (OGC 07-147r2, AbstractFeatureType and DocumentType)
const DOCUMENT_SEQUENCE: SequenceItem[] = [['name', 0, 1], ['Style', 0, Infinity], ['Placemark', 0, Infinity], ['Folder', 0, Infinity]];

const parseCoordinates = (text: string) => text.trim().split(/\s+/).map((t) => t.split(',').map(Number));

describe('routesToKml', () => {
  const routes = testRoutes();
  const kml = parseXml(routesToKml(routes, { documentName: 'SAREX & <co>' }));
  const folders = childrenNamed(childNamed(kml, 'Document'), 'Folder');

  test('root <kml> in the KML 2.2 namespace; a Folder per unit', () => {
    expect(kml.attributes.xmlns).toBe('http://www.opengis.net/kml/2.2');
    expect(childNamed(childNamed(kml, 'Document'), 'name').text).toBe('SAREX & <co>');
    expect(folders.map((f) => childNamed(f, 'name').text)).toEqual([AWKWARD_UNIT, 'JS Ship 2', 'Date line']);
  });

  test('Placemark children in KML 2.2 order; one LineString then a Point per waypoint', () => {
    folders.forEach((folder, r) => {
      const placemarks = childrenNamed(folder, 'Placemark');
      expect(placemarks.length).toBe(1 + routes[r].route.waypoints.length);
      expect(placemarks.flatMap((p) => sequenceProblems(p, PLACEMARK_SEQUENCE))).toEqual([]);
      expect(childrenNamed(placemarks[0], 'LineString').length).toBe(1);
      expect(placemarks.slice(1).every((p) => childrenNamed(p, 'Point').length === 1)).toBe(true);
    });
  });

  test('coordinates are lon,lat and round-trip to 1e-6 degree', () => {
    folders.forEach((folder, r) => {
      const waypoints = routes[r].route.waypoints;
      const placemarks = childrenNamed(folder, 'Placemark');
      const line = parseCoordinates(childNamed(childNamed(placemarks[0], 'LineString'), 'coordinates').text);
      expect(line.length).toBe(waypoints.length);
      waypoints.forEach((w, i) => {
        expect(lonDifferenceDeg(line[i][0], w.lonDeg)).toBeLessThan(1e-6);
        expect(Math.abs(line[i][1] - w.latDeg)).toBeLessThan(1e-6);
        const [point] = parseCoordinates(childNamed(childNamed(placemarks[i + 1], 'Point'), 'coordinates').text);
        expect(lonDifferenceDeg(point[0], w.lonDeg) + Math.abs(point[1] - w.latDeg)).toBeLessThan(1e-6);
      });
    });
  });

  test('waypoint names and TimeStamps; the route TimeSpan and ExtendedData', () => {
    const placemarks = childrenNamed(folders[0], 'Placemark');
    expect(childNamed(placemarks[3], 'name').text).toBe(AWKWARD_WAYPOINT);
    expect(childNamed(childNamed(placemarks[2], 'TimeStamp'), 'when').text).toBe('2026-03-10T00:06:00Z');
    expect(childNamed(childNamed(placemarks[0], 'TimeSpan'), 'begin').text).toBe('2026-03-10T00:00:00Z');
    const data = Object.fromEntries(childrenNamed(childNamed(placemarks[0], 'ExtendedData'), 'Data')
      .map((d) => [d.attributes.name, childNamed(d, 'value').text]));
    expect(data).toMatchObject({ unit: AWKWARD_UNIT, pattern: 'SS', trackSpacingNm: '1', speedKn: '10' });
  });

  test('with areas and a datum: a Style per unit, the datum Placemark, each area a closed Polygon in its unit\'s style', () => {
    const withAreas = routes.map((r, k) => ({ ...r, area: [{ lonDeg: 131 + k, latDeg: 37 }, { lonDeg: 131.1 + k, latDeg: 37 }, { lonDeg: 131.1 + k, latDeg: 37.1 }] }));
    const doc = childNamed(parseXml(routesToKml(withAreas, { datum: { position: { lonDeg: 131.5, latDeg: 37.2 }, timeS: 1_773_100_800 } })), 'Document');
    expect(sequenceProblems(doc, DOCUMENT_SEQUENCE)).toEqual([]);
    const styles = childrenNamed(doc, 'Style');
    expect(styles.map((st) => st.attributes.id)).toEqual(['unit-1', 'unit-2', 'unit-3']);
    // Okabe-Ito orange e69f00 as KML aabbggrr: opaque ff, then blue 00, green 9f, red e6
    expect(childNamed(childNamed(styles[0], 'LineStyle'), 'color').text).toBe('ff009fe6');
    expect(childNamed(childNamed(styles[0], 'PolyStyle'), 'color').text).toMatch(/^[0-9a-f]{8}$/);
    const datum = childNamed(doc, 'Placemark');
    expect(childNamed(datum, 'name').text).toBe('Datum');
    expect(childNamed(childNamed(datum, 'Point'), 'coordinates').text).toBe('131.5,37.2');
    childrenNamed(doc, 'Folder').forEach((folder, r) => {
      const area = childrenNamed(folder, 'Placemark')[0];
      expect(sequenceProblems(area, PLACEMARK_SEQUENCE)).toEqual([]);
      expect(childNamed(area, 'styleUrl').text).toBe(`#unit-${r + 1}`);
      const ring = parseCoordinates(childNamed(childNamed(childNamed(childNamed(area, 'Polygon'), 'outerBoundaryIs'), 'LinearRing'), 'coordinates').text);
      expect(ring.length).toBe(4);   // KML 2.2: a LinearRing has at least four positions, the first repeated last
      expect(ring[3]).toEqual(ring[0]);
      expect(childNamed(childrenNamed(folder, 'Placemark')[1], 'styleUrl').text).toBe(`#unit-${r + 1}`);
    });
  });

  test('a route flown with turns adds its track as flown, arcs and all, in the unit\'s style', () => {
    const turning = { unitName: 'HELO', route: parallelSweep({ area: { centre: { lonDeg: 131, latDeg: 37 }, lengthNm: 10, widthNm: 6, orientationDeg: 0 },
      trackSpacingNm: 2, turn: 'right', unit: { speedKn: 90, startTimeS: 1_773_100_800, turnRadiusNm: 0.477 } }) };
    const folder = childNamed(childNamed(parseXml(routesToKml([turning])), 'Document'), 'Folder');
    const flown = childrenNamed(folder, 'Placemark').find((p) => childNamed(p, 'name').text === 'HELO track as flown')!;
    const coordinates = parseCoordinates(childNamed(childNamed(flown, 'LineString'), 'coordinates').text);
    expect(coordinates.length).toBe(turning.route.flown!.length);
    expect(coordinates.length).toBeGreaterThan(turning.route.waypoints.length);
    expect(childNamed(flown, 'styleUrl').text).toBe('#unit-1');
  });
});
