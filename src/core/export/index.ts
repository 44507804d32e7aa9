/** Route exports, pure string producers: GeoJSON, GPX 1.1, KML 2.2 and IEC 61174 RTZ 1.0. */
export type { UnitRoute } from './unit_route.js';
export { routesToGeoJson } from './geojson_export.js';
export { routesToGpx, type GpxOptions } from './gpx_export.js';
export { routesToKml, type KmlOptions } from './kml_export.js';
export { routeToRtz, SARBRIDGE_RTZ_NAMESPACE, type RtzOptions } from './rtz_export.js';
export { isoUtc } from './iso_time.js';
export { planMessage, PLAN_MESSAGE_LINE_MAX, type PlanMessageInput } from './plan_message.js';
