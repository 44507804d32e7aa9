/**
 * Search planning (IAMSAR Vol. II): sweep width, detection, POD per particle, POS, Bayesian update,
 * the IAMSAR patterns, and the allocation of units to areas. Named re-exports only.
 */
export {
  parseSweepWidthTable, parseWeatherCorrectionTypes,
  sweepWidth, searchObjects, tabulatedHeightsFt, uncorrectedSweepWidthNm, weatherBand, weatherFactor,
  LEEWAY_TO_SEARCH_OBJECT, searchObjectForLeewayClass, sweepWidthForLeewayClass,
  DEFAULT_DETECTION_LAW, EXPONENTIAL_SIGMA_PER_SWEEP_WIDTH, erf, passExposure, lateralRangePod, parallelTrackPod,
  searchPod, probabilityOfSuccess, cumulativePod, afterUnsuccessfulSearch,
} from './planning_index.js';
export type {
  ObjectTable, WeatherCorrectionType, SweepWidthPlatform, SearchWeather, SweepWidthRequest, SweepWidthResult,
  ObjectMappingRow, DetectionLaw, TrackWaypoint, SearchTrack, PositionSnapshot, ParticleWeights, SearchPodInput,
  SearchPodResult, BayesUpdate,
} from './planning_index.js';
export { expandingSquare, sector, parallelSweep, creepingLine, trackLine } from './patterns/index.js';
export { routeShoreClearance, type ShoreClearance } from './route_clearance.js';
export { RATE_ONE_TURN_DEG_PER_S, INTERLEAVED_MIN_TRACKS, rateOneTurnRadiusNm, minimumTrackSpacingNm, interleavedTrackSpacingNm, needsInterleavedLegs } from './turns.js';
export {
  DEFAULT_CLEARANCE_NM, FIXED_WING_SS_MIN_SPACING_NM, SECTOR_RADIUS_NM, clearanceOf, isAircraft, sectorRadiusProblems, type CraftKind,
} from './operational_minimums.js';
export type {
  ExpandingSquareInput, SectorInput, RectanglePatternInput, TrackLineInput, IntendedTrack, SearchRectangle,
  PatternCode, TurnDirection, UnitMotion, RouteWaypoint, RouteLeg, LegRole, PatternParameterValue, RouteLineFeature, SearchRoute, TimedPoint,
} from './patterns/index.js';
export {
  optimalAllocation, NEGLIGIBLE_POS, iamsarBaseline, iamsarSquare, stoneBound, optimalSearchFactor, searchConditionsOf, evaluateAssignments, areaPatternOf, checkAllocationUnit,
  mustSearchApart, searchEndS, searchTimesOverlap, minimumSpacingOf, closestSpacingOf, interleavedSpacingOf, unitClearanceNm, areaRoute, fitTrackSpacing, areaCorners, rectangleCorners, rectanglesOverlap, rectangleOnEarth,
  rectangleInFrame, positionsAt, holdUnitsOfNoUse, HOLD_POS, HOLD_STANDARD_ERRORS,
} from './allocation/index.js';
export type {
  AllocationOptions, OptimalPlan, PlanLayout, StoneBound, StoneBoundOptions, IamsarBaselineOptions, IamsarBaselinePlan, IamsarNumbers, OptimalSearchFactor, SearchConditions, PlanningOptions, SearchPlan, UnitAssignment,
  AllocationUnit, AreaPattern, FittedSpacing, FrameRectangle, AreaOnEarth, HeldUnit, HoldOptions,
} from './allocation/index.js';
