/**
 * Search routes as one GeoJSON FeatureCollection (RFC 7946): per unit a LineString of its route,
 * then a Point per waypoint. Properties carry the unit, the pattern, the track spacing and ISO 8601
 * UTC times.
 */
import { isoUtc } from './iso_time.js';
import { checkUnitRoute, type UnitRoute } from './unit_route.js';

/**
 * GeoJSON text of the routes (positions [lonDeg, latDeg], full double precision).
 * @example
 * routesToGeoJson([{ unitName: 'ROK Ship 1', route: expandingSquare({ ... }) }]);
 */
export function routesToGeoJson(routes: readonly UnitRoute[]): string {
  const features: unknown[] = [];
  routes.forEach((unitRoute, r) => {
    const { unitName, route } = checkUnitRoute(`routes[${r}]`, unitRoute);
    const common = { unit: unitName, pattern: route.pattern, trackSpacingNm: route.trackSpacingNm };
    const times = route.waypoints.map((w, i) => isoUtc(w.timeS, `routes[${r}].route.waypoints[${i}].timeS`));
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: route.waypoints.map((w) => [w.lonDeg, w.latDeg]) },
      properties: {
        ...common,
        kind: 'route',
        speedKn: route.speedKn,
        totalTrackNm: route.totalTrackNm,
        startTime: times[0],
        endTime: times[times.length - 1],
        times,
        cutByEndurance: route.cutByEndurance,
        parameters: route.parameters,
      },
    });
    route.waypoints.forEach((w, i) => {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [w.lonDeg, w.latDeg] },
        properties: { ...common, kind: 'waypoint', index: i, name: w.name, time: times[i] },
      });
    });
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}
