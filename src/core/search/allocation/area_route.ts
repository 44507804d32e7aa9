/**
 * Lay a unit's area out as an IAMSAR pattern route (core/search/patterns), starting at the corner
 * (PS, CS) nearest to where the unit comes from.
 */
import { distanceM } from '../../geo/sphere.js';
import type { SearchRoute } from '../pattern.js';
import { creepingLine, expandingSquare, parallelSweep } from '../patterns/index.js';
import { needsInterleavedLegs } from '../turns.js';
import type { AllocationUnit } from './allocation_unit.js';
import type { AreaOnEarth } from './frame_rectangle.js';
import type { AreaPattern } from './track_spacing_fit.js';

/**
 * The route of `pattern` over `area` at `trackSpacingNm`, timed from the unit's arrival and cut at
 * its endurance. PS and CS: of the four ways in (either end of the first track, turn left or
 * right), the one whose CSP is nearest the unit's start position (the first when none is given)
 * among those whose tracks progress toward `progressBearingDeg` (within 90 degrees), when given.
 * SS: the CSP is the area's centre, first leg along the area's orientation, right turns, legs
 * S, S, 2S, 2S, ..., kS, kS (`squareCount` = k). A unit with a turn radius flies its turns
 * (fly-by arcs: the route's `flown` track), interleaving its tracks when the spacing is closer than
 * its turns allow one after the other (turns.ts; fitTrackSpacing gives such a spacing only with 4
 * tracks or more).
 */
export function areaRoute(unit: AllocationUnit, pattern: AreaPattern, area: AreaOnEarth, trackSpacingNm: number, squareCount = 1,
  progressBearingDeg?: number): SearchRoute {
  const motion = {
    speedKn: unit.speedKn, startTimeS: unit.arrivalTimeS, enduranceH: unit.enduranceH,
    ...(unit.turnRadiusNm ? { turnRadiusNm: unit.turnRadiusNm } : {}),   // flown with its turns (turns.ts)
  };
  if (pattern === 'SS') {
    return expandingSquare({ csp: area.centre, trackSpacingNm, firstLegBearingDeg: area.orientationDeg, turn: 'right', legCount: 2 * squareCount, unit: motion });
  }
  const axisDeg = pattern === 'PS' ? area.orientationDeg : area.orientationDeg + 90;
  const make = pattern === 'PS' ? parallelSweep : creepingLine;
  const trackCount = Math.max(1, Math.ceil((pattern === 'PS' ? area.widthNm : area.lengthNm) / trackSpacingNm - 1e-9));
  const legOrder = needsInterleavedLegs(trackSpacingNm, unit.turnRadiusNm ?? 0, trackCount) ? 'interleaved' as const : 'sequential' as const;
  let best: SearchRoute | null = null;
  let bestDistance = Infinity;
  for (const firstLegBearingDeg of [axisDeg % 360, (axisDeg + 180) % 360]) {
    for (const turn of ['right', 'left'] as const) {
      const route = make({ area, trackSpacingNm, firstLegBearingDeg, turn, legOrder, unit: motion });
      if (progressBearingDeg !== undefined && route.legs.length > 1 && route.legs[1].role === 'crossLeg') {
        const off = Math.abs(((route.legs[1].bearingDeg - progressBearingDeg) % 360 + 540) % 360 - 180);
        if (off > 90) continue;
      }
      const from = unit.startPosition;
      const d = from ? distanceM(from.lonDeg, from.latDeg, route.csp.lonDeg, route.csp.latDeg) : 0;
      if (d < bestDistance) { best = route; bestDistance = d; }
    }
  }
  // every way in filtered out (cannot happen: two of the four progress each way), or one track only
  return best ?? make({ area, trackSpacingNm, firstLegBearingDeg: axisDeg % 360, turn: 'right', legOrder, unit: motion });
}

/**
 * `route`, laid by areaRoute for `unit`, laid again on `area` (its area moved, or cut back with its
 * tracks closer by `trackSpacingNm`): the same pattern, first leg, turns, leg order and number of
 * legs, so only where it lies changes (issued_clearance.ts moves a route off land so).
 */
export function areaRouteMovedTo(unit: AllocationUnit, route: SearchRoute, area: AreaOnEarth, trackSpacingNm = route.trackSpacingNm): SearchRoute {
  const motion = {
    speedKn: unit.speedKn, startTimeS: unit.arrivalTimeS, enduranceH: unit.enduranceH,
    ...(unit.turnRadiusNm ? { turnRadiusNm: unit.turnRadiusNm } : {}),
  };
  const p = route.parameters;
  const firstLegBearingDeg = Number(p.firstLegBearingDeg), turn = p.turn === 'left' ? 'left' as const : 'right' as const;
  // a route cut by its endurance is cut at the same time again: as many legs as it had is enough
  if (route.pattern === 'SS') {
    return expandingSquare({ csp: area.centre, trackSpacingNm, firstLegBearingDeg, turn, legCount: route.legs.length, unit: motion });
  }
  const make = route.pattern === 'PS' ? parallelSweep : creepingLine;
  const legOrder = p.legOrder === 'interleaved' ? 'interleaved' as const : 'sequential' as const;
  return make({ area, trackSpacingNm, firstLegBearingDeg, turn, legOrder, unit: motion });
}
