/** IAMSAR search pattern generators (IAMSAR Manual Vol. II, chapter 5) and their inputs. */
export { expandingSquare, type ExpandingSquareInput } from './expanding_square.js';
export { sector, type SectorInput } from './sector.js';
export { parallelSweep, type RectanglePatternInput } from './parallel_sweep.js';
export { creepingLine } from './creeping_line.js';
export { trackLine, type TrackLineInput, type IntendedTrack } from './track_line.js';
export type { SearchRectangle } from './search_rectangle.js';
export type {
  PatternCode,
  TurnDirection,
  LegOrder,
  UnitMotion,
  RouteWaypoint,
  RouteLeg,
  LegRole,
  PatternParameterValue,
  RouteLineFeature,
  SearchRoute,
  TimedPoint,
} from '../pattern.js';
