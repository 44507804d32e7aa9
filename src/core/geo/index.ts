export type { LonLatDeg } from './lon_lat.js';
export { checkLonLat, wrapLonDeg } from './lon_lat.js';
export { distanceM, interpolateGreatCircle, weightedCentroid } from './sphere.js';
export * from './units.js';
export { formatPosition, parsePosition } from './position_text.js';
export { geodesicCircle } from './geodesic_circle.js';
