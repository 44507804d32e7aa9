/**
 * Search routes as GPX 1.1 (http://www.topografix.com/GPX/1/1, gpx.xsd): one <rte> per unit with
 * an <rtept> per waypoint carrying its <time> and <name>, elements in the schema's sequence order.
 */
import { isoUtc } from './iso_time.js';
import { checkUnitRoute, type UnitRoute } from './unit_route.js';
import { describeRoute } from './route_description.js';
import { formatLatDeg, formatLonDeg, xmlText } from './xml_text.js';

/** Options of the GPX export. */
export interface GpxOptions {
  /** <metadata><name>, e.g. the case or exercise name. */
  readonly documentName?: string;
}

/**
 * GPX 1.1 text of the routes.
 * @example
 * routesToGpx([{ unitName: 'JS Ship 2', route: parallelSweep({ ... }) }], { documentName: 'SAREX 26-1' });
 */
export function routesToGpx(routes: readonly UnitRoute[], options: GpxOptions = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="sarbridge"'
      + ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
      + ' xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
  ];
  if (options.documentName !== undefined) {
    lines.push(`  <metadata><name>${xmlText(options.documentName)}</name></metadata>`);
  }
  routes.forEach((unitRoute, r) => {
    const { unitName, route } = checkUnitRoute(`routes[${r}]`, unitRoute);
    lines.push('  <rte>');
    lines.push(`    <name>${xmlText(unitName)}</name>`);
    lines.push(`    <desc>${xmlText(describeRoute(unitRoute))}</desc>`);
    lines.push('    <src>sarbridge</src>');
    lines.push(`    <type>${route.pattern}</type>`);
    route.waypoints.forEach((w, i) => {
      const time = isoUtc(w.timeS, `routes[${r}].route.waypoints[${i}].timeS`);
      lines.push(`    <rtept lat="${formatLatDeg(w.latDeg)}" lon="${formatLonDeg(w.lonDeg)}">`
        + `<time>${time}</time><name>${xmlText(w.name)}</name></rtept>`);
    });
    lines.push('  </rte>');
  });
  lines.push('</gpx>', '');
  return lines.join('\n');
}
