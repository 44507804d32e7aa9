/**
 * Releasability: what a party may see of another party's unit. The owner always sees everything;
 * other parties see everything, its position only, or nothing, as the unit's record says. Every
 * view, message and export that reaches another party must go through `releasableUnitView`.
 */
import type { PartyId } from './party.js';
import type { SarUnit } from './sar_unit.js';
import type { TimedPosition } from './srr.js';

/** What other parties may see of a unit. */
export type Releasability = 'everything' | 'position-only' | 'nothing';

/** The releasability values, in order of decreasing openness. */
export const RELEASABILITY_VALUES: readonly Releasability[] = ['everything', 'position-only', 'nothing'];

/** A unit's movement: positions it reported, and the route it is planned to follow. */
export interface UnitMovement {
  /** Reported (past or present) positions. */
  readonly positions?: readonly TimedPosition[];
  /** Planned waypoints (the search route). */
  readonly route?: readonly TimedPosition[];
}

/** The view a party may have of a unit. */
export type UnitView =
  | { readonly visibility: 'everything'; readonly unit: SarUnit; readonly positions: readonly TimedPosition[]; readonly route: readonly TimedPosition[] }
  /** Position only: the owner party, an opaque label and the reported positions; no name, type, capabilities or plan. */
  | { readonly visibility: 'position-only'; readonly party: PartyId; readonly label: string; readonly positions: readonly TimedPosition[] }
  | { readonly visibility: 'nothing' };

/** The releasability that applies to `viewerParty` (the owner always sees everything). */
export function releasabilityFor(unit: SarUnit, viewerParty: PartyId): Releasability {
  return unit.party === viewerParty ? 'everything' : unit.releasability;
}

/**
 * The view of a unit, and of its movement, that `viewerParty` may have.
 * `label` names a position-only unit without saying what it is (default `<party> unit`).
 * @example releasableUnitView(krShip, 'JP', { positions }) // { visibility: 'position-only', ... }
 */
export function releasableUnitView(unit: SarUnit, viewerParty: PartyId, movement: UnitMovement = {}, label = `${unit.party} unit`): UnitView {
  switch (releasabilityFor(unit, viewerParty)) {
    case 'everything':
      return { visibility: 'everything', unit, positions: movement.positions ?? [], route: movement.route ?? [] };
    case 'position-only':
      return { visibility: 'position-only', party: unit.party, label, positions: (movement.positions ?? []).map(({ lonDeg, latDeg, timeS }) => ({ lonDeg, latDeg, timeS })) };
    case 'nothing':
      return { visibility: 'nothing' };
  }
}
