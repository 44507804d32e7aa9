/** One-line human description of a unit's route, shared by the GPX and KML exports. */
import type { UnitRoute } from './unit_route.js';
import { formatDecimal } from './xml_text.js';

/** E.g. 'SS search by ROK Ship 1: S 1 NM, 10 kn, 42 NM' (plain text, not yet escaped). */
export function describeRoute(unitRoute: UnitRoute): string {
  const { route } = unitRoute;
  const spacing = route.pattern === 'VS'
    ? `radius ${formatDecimal(route.trackSpacingNm, 3)} NM`
    : `S ${formatDecimal(route.trackSpacingNm, 3)} NM`;
  return `${route.pattern} search by ${unitRoute.unitName}: ${spacing}, ${formatDecimal(route.speedKn, 2)} kn, `
    + `${formatDecimal(route.totalTrackNm, 2)} NM${route.cutByEndurance ? ' (cut by endurance)' : ''}`;
}
