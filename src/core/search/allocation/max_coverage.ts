/**
 * The highest coverage factor C = W / S a plan may ask for. At C = 2 parallel tracks already give
 * POD = erf(√π) = 0.99 (inverse cube law), so closer tracks buy almost nothing, cannot be steered
 * by a ship, and turn areas into thin barriers (seen before this limit: 0.07 NM spacing for a
 * destroyer).
 */
export const MAX_COVERAGE = 2;
