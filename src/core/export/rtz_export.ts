/**
 * A unit's search route as an IEC 61174 (ECDIS) route exchange file, RTZ 1.0 (namespace
 * http://www.cirm.org/RTZ/1/0), one route per file. Waypoint ids are 1..n; the first waypoint has
 * no <leg> (a leg describes the way to its waypoint); legs are geodesics ("Orthodrome") with their
 * cross-track distances (starboardXTD, portsideXTD, NM; RtzOptions.crossTrackNm); a route flown
 * with turns gives each turning waypoint its radius (NM). Times go
 * in a calculated schedule; note that the RTZ 1.0 schema spells its element `sheduleElement`
 * (fixed to `scheduleElement` only in RTZ 1.1), and this file follows the 1.0 schema. The
 * pattern's details go in <extensions><extension manufacturer="sarbridge" name="searchPattern">.
 */
import { isoUtc } from './iso_time.js';
import { checkUnitRoute, type UnitRoute } from './unit_route.js';
import { formatDecimal, formatLatDeg, formatLonDeg, xmlAttribute } from './xml_text.js';

/** Namespace of the elements inside sarbridge's RTZ extension. */
export const SARBRIDGE_RTZ_NAMESPACE = 'urn:sarbridge:rtz:search-pattern:1.0';

/** Options of the RTZ export. */
export interface RtzOptions {
  /** routeInfo/@routeName; defaults to '<unit> <pattern>'. IEC 61174 wants it to match the file name. */
  readonly routeName?: string;
  /**
   * Cross-track distance (XTD) allowed to each side of every leg, NM, written as the leg's
   * starboardXTD and portsideXTD (the corridor an ECDIS alarms outside). Default half the track
   * spacing: the strip each track searches, beyond which the ship is on its neighbour's track.
   */
  readonly crossTrackNm?: number;
}

const attrs = (pairs: readonly (readonly [string, string | undefined])[]): string =>
  pairs.filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${xmlAttribute(v as string)}"`).join('');

/**
 * RTZ 1.0 text of one unit's route.
 * @example
 * routeToRtz({ unitName: 'ROK Ship 1', route: expandingSquare({ ... }) });
 */
export function routeToRtz(unitRoute: UnitRoute, options: RtzOptions = {}): string {
  const { unitName, route } = checkUnitRoute('route', unitRoute);
  const times = route.waypoints.map((w, i) => isoUtc(w.timeS, `route.waypoints[${i}].timeS`));
  const last = route.waypoints.length - 1;
  const speed = formatDecimal(route.speedKn, 3);
  const xtd = formatDecimal(options.crossTrackNm ?? route.trackSpacingNm / 2, 3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<route xmlns="http://www.cirm.org/RTZ/1/0" version="1.0">',
    `  <routeInfo${attrs([
      ['routeName', options.routeName ?? `${unitName} ${route.pattern}`],
      ['routeAuthor', 'sarbridge'],
      ['routeStatus', `${route.pattern} search pattern`],
      ['validityPeriodStart', times[0]],
      ['validityPeriodStop', times[last]],
      ['vesselName', unitName],
    ])}/>`,
    '  <waypoints>',
  ];
  route.waypoints.forEach((w, i) => {
    // radius: the turn radius at the waypoint, NM (the unit's, when the route was laid out with turns)
    const radius = route.turnRadiusNm !== undefined && i > 0 && i < last ? formatDecimal(route.turnRadiusNm, 3) : undefined;
    lines.push(`    <waypoint${attrs([['id', String(i + 1)], ['name', w.name], ['radius', radius]])}>`);
    lines.push(`      <position lat="${formatLatDeg(w.latDeg)}" lon="${formatLonDeg(w.lonDeg)}"/>`);
    if (i > 0) {
      const leg = route.legs[i - 1];
      lines.push(`      <leg${attrs([['starboardXTD', xtd], ['portsideXTD', xtd], ['geometryType', 'Orthodrome'], ['legInfo', leg?.role === 'crossLeg' ? 'cross leg' : 'search leg']])}/>`);
    }
    lines.push('    </waypoint>');
  });
  lines.push('  </waypoints>');
  lines.push('  <schedules>');
  lines.push(`    <schedule${attrs([['id', '1'], ['name', `${route.pattern} at ${speed} kn`]])}>`);
  lines.push('      <calculated>');
  route.waypoints.forEach((_, i) => {
    lines.push(`        <sheduleElement${attrs([
      ['waypointId', String(i + 1)],
      ['etd', i < last ? times[i] : undefined],
      ['eta', i > 0 ? times[i] : undefined],
      ['speed', i > 0 ? speed : undefined],
    ])}/>`);
  });
  lines.push('      </calculated>');
  lines.push('    </schedule>');
  lines.push('  </schedules>');
  lines.push('  <extensions>');
  lines.push('    <extension manufacturer="sarbridge" name="searchPattern" version="1.0">');
  lines.push(`      <sb:searchPattern xmlns:sb="${SARBRIDGE_RTZ_NAMESPACE}"${attrs([
    ['pattern', route.pattern],
    ['unit', unitName],
    ['trackSpacingNm', formatDecimal(route.trackSpacingNm, 6)],
    ['cspLat', formatLatDeg(route.csp.latDeg)],
    ['cspLon', formatLonDeg(route.csp.lonDeg)],
    ['speedKn', formatDecimal(route.speedKn, 6)],
    ['totalTrackNm', formatDecimal(route.totalTrackNm, 6)],
    ['cutByEndurance', String(route.cutByEndurance)],
  ])}>`);
  for (const [name, value] of Object.entries(route.parameters)) {
    const text = typeof value === 'number' ? formatDecimal(value, 9) : String(value);
    lines.push(`        <sb:parameter${attrs([['name', name], ['value', text]])}/>`);
  }
  lines.push('      </sb:searchPattern>');
  lines.push('    </extension>');
  lines.push('  </extensions>');
  lines.push('</route>', '');
  return lines.join('\n');
}
