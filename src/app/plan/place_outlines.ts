/**
 * Does the coastline put land where the agreement puts its islands and islets? A plan measures two
 * distances to the same feature from two sources: its clearance from land from the coastline's
 * outline (GSHHG), and the agreement's 12 NM rule from the place's position in the cooperation
 * config. Where the two disagree, a plan can say a ship keeps 1.04 NM from land while the rules
 * say it passes 0.7 NM from the islets (the Liancourt example: the GSHHG f 2.3.7 outline of the
 * rocks lies 0.39 NM from the agreement's position of them, measured). Neither source is taken as
 * right here; the coordinator is told they disagree, by how much and where, so that a clearance
 * near that feature can be set wider by that much (ours: a data check a coordinator expects of a
 * planning tool whose safety figures rest on the coastline's accuracy).
 */
import { distanceM, metresToNm } from '../../core/geo/index.js';
import { METRES_PER_NM } from '../../core/geo/units.js';
import type { CooperationConfig } from '../../core/cooperation/index.js';
import type { LonLatDeg } from '../../core/geo/lon_lat.js';
import type { Shoreline } from '../../core/drift/index.js';

/** Place kinds that are land: their position should lie on, or next to, the coastline's land. */
const LAND_KINDS: ReadonlySet<string> = new Set(['islets', 'island']);
/**
 * How far from the coastline's land a land place's position may lie without a remark, NM: a
 * representative point between two islets lies in water (the Liancourt Rocks' two islets are about
 * 150 m apart), so a point within 0.1 NM (185 m) of land is taken as on it.
 */
export const PLACE_OUTLINE_TOLERANCE_NM = 0.1;
/** How far the nearest land is looked for, NM: farther, the coastline has no land near the place. */
export const PLACE_OUTLINE_SEARCH_NM = 5;

/** A land place of the agreement whose position the coastline does not put on land. */
export interface PlaceOffTheCoastline {
  readonly placeId: string;
  readonly neutralName: string;
  /** The place's position in the cooperation config. */
  readonly position: LonLatDeg;
  /** Distance to the coastline's nearest shore, NM (great circle: within 0.5 % of the geodesic), and that shore point; null when none within PLACE_OUTLINE_SEARCH_NM. */
  readonly distanceNm: number | null;
  readonly shore: LonLatDeg | null;
}

/**
 * The agreement's islands and islets (with a position) farther than PLACE_OUTLINE_TOLERANCE_NM
 * from the coastline's land, inside the region the coastline covers.
 * @example placesOffTheCoastline(config, shoreline)[0]?.distanceNm // 0.39 for Liancourt Rocks on the bundled GSHHG f
 */
export function placesOffTheCoastline(config: CooperationConfig, shoreline: Shoreline): PlaceOffTheCoastline[] {
  const b = shoreline.bounds;
  return config.places.flatMap((place): PlaceOffTheCoastline[] => {
    const p = place.position;
    if (p === undefined || !LAND_KINDS.has(place.kind)) return [];
    if (b !== undefined && !(p.lonDeg >= b.westDeg && p.lonDeg <= b.eastDeg && p.latDeg >= b.southDeg && p.latDeg <= b.northDeg)) return [];
    if (shoreline.isLand(p.lonDeg, p.latDeg)) return [];
    const near = shoreline.closestShore(p.lonDeg, p.latDeg, p.lonDeg, p.latDeg, PLACE_OUTLINE_SEARCH_NM * METRES_PER_NM);
    const off = { placeId: place.id, neutralName: place.neutralName, position: p };
    if (near === null) return [{ ...off, distanceNm: null, shore: null }];
    const distanceNm = metresToNm(distanceM(p.lonDeg, p.latDeg, near.shoreLonDeg, near.shoreLatDeg));
    return distanceNm > PLACE_OUTLINE_TOLERANCE_NM ? [{ ...off, distanceNm, shore: { lonDeg: near.shoreLonDeg, latDeg: near.shoreLatDeg } }] : [];
  });
}
