/**
 * Operational limits of search units, from IAMSAR where it gives one (IAMSAR Manual Vol. II,
 * chapter 5, "search techniques and operations"; the same text in Vol. III, section 12), and
 * sarbridge's land clearances, which IAMSAR leaves to the SMC and the unit's commander.
 */
import { InvalidInputError } from '../errors.js';
import { METRES_PER_NM } from '../geo/units.js';

/** What kind of craft a unit is, for its clearances and limits. */
export type CraftKind = 'ship' | 'boat' | 'helicopter' | 'aircraft';

/** True for helicopters and fixed-wing aircraft. */
export function isAircraft(craft: CraftKind): boolean {
  return craft === 'helicopter' || craft === 'aircraft';
}

/**
 * Sector search (VS) radius, NM. IAMSAR Vol. II ch. 5, sector search: "For aircraft, the search
 * pattern radius usually lies between 5 NM and 20 NM ... For vessels, the search pattern radius
 * is usually between 2 NM and 5 NM, and each turn is 120°."
 */
export const SECTOR_RADIUS_NM: Readonly<Record<'vessel' | 'aircraft', readonly [number, number]>> = { vessel: [2, 5], aircraft: [5, 20] };

/**
 * Expanding square (SS) spacing below which a fixed-wing aircraft cannot fly the legs close to the
 * datum, NM. IAMSAR Vol. II ch. 5, expanding square: "it is difficult for fixed-wing aircraft to
 * fly legs close to datum if S is less than 2 NM". Helicopters and vessels have no such figure.
 */
export const FIXED_WING_SS_MIN_SPACING_NM = 2;

/**
 * Default clearance from land and shoals, NM, by craft; a unit may set its own (`clearanceNm`).
 * - ship 1 NM, boat 0.3 NM: sarbridge's defaults (issue 12), not IAMSAR figures: IAMSAR leaves
 *   the distance off a coast to the master, who knows the ship's draught and the chart.
 * - helicopter, aircraft 150 m (0.081 NM): ICAO Annex 2 (Rules of the Air) 4.6 b) keeps a VFR
 *   flight at least 150 m (500 ft) above the ground or water, or above the highest obstacle within
 *   a radius of 150 m of the aircraft. The coastline data carry no heights (the Liancourt Rocks
 *   rise to about 170 m, above a 500 ft search), so sarbridge keeps an aircraft's search legs
 *   150 m clear of every coastline: within the rule's radius there is then only water, and the
 *   search height over water (often below 150 m, flown by the permission 4.6 allows for SAR) is
 *   the crew's. A unit whose crew knows the obstacles and flies above them may set 0.
 */
export const DEFAULT_CLEARANCE_NM: Readonly<Record<CraftKind, number>> = {
  ship: 1, boat: 0.3, helicopter: 150 / METRES_PER_NM, aircraft: 150 / METRES_PER_NM,
};

/** The clearance of a unit: its own, or its craft's default. */
export function clearanceOf(craft: CraftKind, clearanceNm?: number): number {
  if (clearanceNm === undefined) return DEFAULT_CLEARANCE_NM[craft];
  if (!(Number.isFinite(clearanceNm) && clearanceNm >= 0)) throw new InvalidInputError('clearanceNm', `${clearanceNm} is not a distance >= 0`);
  return clearanceNm;
}

/**
 * Problems with a sector radius for a craft (IAMSAR's usual range, above); empty when none.
 * @example sectorRadiusProblems('ship', 8) // ['a sector radius of 8 NM is outside IAMSAR's usual 2-5 NM for vessels']
 */
export function sectorRadiusProblems(craft: CraftKind, radiusNm: number): string[] {
  const kind = isAircraft(craft) ? 'aircraft' : 'vessel';
  const [lo, hi] = SECTOR_RADIUS_NM[kind];
  return radiusNm < lo || radiusNm > hi ? [`a sector radius of ${radiusNm} NM is outside IAMSAR's usual ${lo}-${hi} NM for ${kind === 'aircraft' ? 'aircraft' : 'vessels'}`] : [];
}
