/** Search allocation: the optimiser, the IAMSAR baseline, and what they share. */
export { optimalAllocation, NEGLIGIBLE_POS, type AllocationOptions, type OptimalPlan, type PlanLayout } from './optimal_allocation.js';
export { iamsarBaseline, iamsarSquare, type IamsarBaselineOptions, type IamsarBaselinePlan, type IamsarNumbers } from './iamsar_baseline.js';
export { optimalSearchFactor, searchConditionsOf, type OptimalSearchFactor, type SearchConditions } from './optimal_search_factor.js';
export { evaluateAssignments, type PlanningOptions, type SearchPlan, type UnitAssignment } from './search_plan.js';
export {
  areaPatternOf, checkAllocationUnit, closestSpacingOf, interleavedSpacingOf, minimumSpacingOf, mustSearchApart, searchEndS, searchTimesOverlap, unitClearanceNm, type AllocationUnit,
} from './allocation_unit.js';
export { areaRoute } from './area_route.js';
export { fitTrackSpacing, type AreaPattern, type FittedSpacing } from './track_spacing_fit.js';
export {
  areaCorners, rectangleCorners, rectanglesOverlap, rectangleOnEarth, rectangleInFrame, type FrameRectangle, type AreaOnEarth,
} from './frame_rectangle.js';
export { positionsAt } from './cell_cloud.js';
export { MAX_COVERAGE } from './max_coverage.js';
export { holdUnitsOfNoUse, HOLD_POS, HOLD_STANDARD_ERRORS, type HeldUnit, type HoldOptions } from './hold_units.js';
export { stoneBound, type StoneBound, type StoneBoundOptions } from './stone_bound.js';
