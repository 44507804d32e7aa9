/**
 * Search routes as KML 2.2 (OGC 07-147r2, namespace http://www.opengis.net/kml/2.2): a Folder per
 * unit with a Placemark holding the route's LineString and a Placemark per waypoint with its Point
 * and TimeStamp. Coordinates are written lon,lat (KML order).
 */
import { isoUtc } from './iso_time.js';
import { describeRoute } from './route_description.js';
import { checkUnitRoute, type UnitRoute } from './unit_route.js';
import { formatDecimal, formatLatDeg, formatLonDeg, xmlAttribute, xmlText } from './xml_text.js';

/** Options of the KML export. */
export interface KmlOptions {
  /** <Document><name>, e.g. the case or exercise name. */
  readonly documentName?: string;
}

const coordinate = (w: { lonDeg: number; latDeg: number }): string => `${formatLonDeg(w.lonDeg)},${formatLatDeg(w.latDeg)}`;

/**
 * KML 2.2 text of the routes.
 * @example
 * routesToKml([{ unitName: 'ROK Ship 1', route: sector({ ... }) }], { documentName: 'SAREX 26-1' });
 */
export function routesToKml(routes: readonly UnitRoute[], options: KmlOptions = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '  <Document>',
    `    <name>${xmlText(options.documentName ?? 'sarbridge search routes')}</name>`,
  ];
  routes.forEach((unitRoute, r) => {
    const { unitName, route } = checkUnitRoute(`routes[${r}]`, unitRoute);
    const times = route.waypoints.map((w, i) => isoUtc(w.timeS, `routes[${r}].route.waypoints[${i}].timeS`));
    const data: [string, string][] = [
      ['unit', unitName],
      ['pattern', route.pattern],
      ['trackSpacingNm', formatDecimal(route.trackSpacingNm, 6)],
      ['speedKn', formatDecimal(route.speedKn, 6)],
      ['totalTrackNm', formatDecimal(route.totalTrackNm, 6)],
      ['cspLatDeg', formatLatDeg(route.csp.latDeg)],
      ['cspLonDeg', formatLonDeg(route.csp.lonDeg)],
      ['cutByEndurance', String(route.cutByEndurance)],
    ];
    lines.push('    <Folder>');
    lines.push(`      <name>${xmlText(unitName)}</name>`);
    lines.push('      <Placemark>');
    lines.push(`        <name>${xmlText(`${unitName} ${route.pattern}`)}</name>`);
    lines.push(`        <description>${xmlText(describeRoute(unitRoute))}</description>`);
    lines.push(`        <TimeSpan><begin>${times[0]}</begin><end>${times[times.length - 1]}</end></TimeSpan>`);
    lines.push('        <ExtendedData>');
    for (const [name, value] of data) {
      lines.push(`          <Data name="${xmlAttribute(name)}"><value>${xmlText(value)}</value></Data>`);
    }
    lines.push('        </ExtendedData>');
    lines.push('        <LineString><tessellate>1</tessellate>');
    lines.push(`          <coordinates>${route.waypoints.map(coordinate).join(' ')}</coordinates>`);
    lines.push('        </LineString>');
    lines.push('      </Placemark>');
    route.waypoints.forEach((w, i) => {
      lines.push(`      <Placemark><name>${xmlText(w.name)}</name><TimeStamp><when>${times[i]}</when></TimeStamp>`
        + `<Point><coordinates>${coordinate(w)}</coordinates></Point></Placemark>`);
    });
    lines.push('    </Folder>');
  });
  lines.push('  </Document>', '</kml>', '');
  return lines.join('\n');
}
