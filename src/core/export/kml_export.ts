/**
 * Search routes as KML 2.2 (OGC 07-147r2, namespace http://www.opengis.net/kml/2.2): a shared
 * Style per unit (its colour on the route line and the area's outline and fill), the datum as a
 * Placemark, then a Folder per unit with its search area as a Polygon, a Placemark holding the
 * route's LineString, the track as flown (with its turns, when the route has them) and a Placemark per waypoint with its Point and TimeStamp. Coordinates are
 * written lon,lat (KML order); colours are KML's aabbggrr.
 */
import { isoUtc } from './iso_time.js';
import { describeRoute } from './route_description.js';
import { checkUnitRoute, type UnitRoute } from './unit_route.js';
import { formatDecimal, formatLatDeg, formatLonDeg, xmlAttribute, xmlText } from './xml_text.js';

/** Options of the KML export. */
export interface KmlOptions {
  /** <Document><name>, e.g. the case or exercise name. */
  readonly documentName?: string;
  /** The datum the plan is built on, written as a Placemark (with its time when given). */
  readonly datum?: { readonly position: { lonDeg: number; latDeg: number }; readonly timeS?: number; readonly name?: string };
}

/**
 * Unit colours, in order (Okabe & Ito 2008, "Color universal design": told apart with any of the
 * common colour-vision deficiencies), as RGB hex; a unit past the eighth takes the first again.
 */
export const UNIT_COLOURS_RGB: readonly string[] = ['e69f00', '56b4e9', '009e73', 'f0e442', '0072b2', 'd55e00', 'cc79a7', '000000'];

/** KML colour (aabbggrr) of an RGB hex at opacity `alpha` (0-255). */
function kmlColour(rgb: string, alpha: number): string {
  return `${alpha.toString(16).padStart(2, '0')}${rgb.slice(4, 6)}${rgb.slice(2, 4)}${rgb.slice(0, 2)}`;
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
  // Styles first: in KML 2.2 a Document's StyleSelectors come before its Features
  routes.forEach((_, r) => {
    const rgb = UNIT_COLOURS_RGB[r % UNIT_COLOURS_RGB.length];
    lines.push(`    <Style id="unit-${r + 1}"><LineStyle><color>${kmlColour(rgb, 255)}</color><width>2</width></LineStyle>`
      + `<PolyStyle><color>${kmlColour(rgb, 64)}</color></PolyStyle></Style>`);
  });
  if (options.datum) {
    const d = options.datum;
    const when = d.timeS === undefined ? '' : `<TimeStamp><when>${isoUtc(d.timeS, 'datum.timeS')}</when></TimeStamp>`;
    lines.push(`    <Placemark><name>${xmlText(d.name ?? 'Datum')}</name>${when}<Point><coordinates>${coordinate(d.position)}</coordinates></Point></Placemark>`);
  }
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
    const style = `#unit-${r + 1}`;
    lines.push('    <Folder>');
    lines.push(`      <name>${xmlText(unitName)}</name>`);
    if (unitRoute.area && unitRoute.area.length >= 3) {
      const ring = [...unitRoute.area, unitRoute.area[0]].map(coordinate).join(' ');
      lines.push(`      <Placemark><name>${xmlText(`${unitName} search area`)}</name><styleUrl>${style}</styleUrl>`
        + `<Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`);
    }
    lines.push('      <Placemark>');
    lines.push(`        <name>${xmlText(`${unitName} ${route.pattern}`)}</name>`);
    lines.push(`        <description>${xmlText(describeRoute(unitRoute))}</description>`);
    lines.push(`        <TimeSpan><begin>${times[0]}</begin><end>${times[times.length - 1]}</end></TimeSpan>`);
    lines.push(`        <styleUrl>${style}</styleUrl>`);
    lines.push('        <ExtendedData>');
    for (const [name, value] of data) {
      lines.push(`          <Data name="${xmlAttribute(name)}"><value>${xmlText(value)}</value></Data>`);
    }
    lines.push('        </ExtendedData>');
    lines.push('        <LineString><tessellate>1</tessellate>');
    lines.push(`          <coordinates>${route.waypoints.map(coordinate).join(' ')}</coordinates>`);
    lines.push('        </LineString>');
    lines.push('      </Placemark>');
    if (route.flown && route.flown.length >= 2) {
      // the track as flown, its turns as arcs (the unit's turn radius), under the waypoints' route
      lines.push(`      <Placemark><name>${xmlText(`${unitName} track as flown`)}</name><styleUrl>${style}</styleUrl>`
        + `<LineString><tessellate>1</tessellate><coordinates>${route.flown.map(coordinate).join(' ')}</coordinates></LineString></Placemark>`);
    }
    route.waypoints.forEach((w, i) => {
      lines.push(`      <Placemark><name>${xmlText(w.name)}</name><TimeStamp><when>${times[i]}</when></TimeStamp>`
        + `<Point><coordinates>${coordinate(w)}</coordinates></Point></Placemark>`);
    });
    lines.push('    </Folder>');
  });
  lines.push('  </Document>', '</kml>', '');
  return lines.join('\n');
}
