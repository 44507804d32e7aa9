/**
 * Interchangeable units: two units alike in everything a route uses (party, speed, endurance,
 * arrival, start position, sweep widths, craft, turn radius, clearance) give the same plan
 * whichever of them takes which area, as long as each may fly the pattern of the area it takes
 * (a ship that may also fly an expanding square and one that may not are alike for a parallel
 * sweep); only their ids differ. The optimiser may return either labelling, which would read as
 * two plans (areas swapped between the units) when it is one. So within each set of such units the
 * areas are given out by a fixed rule (ours): sorted by their centres, northernmost first (then
 * westernmost), each to the first unit in the order the plan file lists them that may fly its
 * pattern and leaves every later area a unit that may fly it; the units held in reserve, when some
 * of such a set are, are the ones left, in the order listed. POD, POS and routes are unchanged (a
 * route depends on those fields and the pattern only, not on the id).
 */
import type { AllocationUnit } from './allocation_unit.js';
import type { HeldUnit } from './hold_units.js';
import type { SearchPlan, UnitAssignment } from './search_plan.js';

/** What two units must share to be interchangeable in a plan (each also able to fly the other's pattern). */
export function interchangeableKey(u: AllocationUnit): string {
  return JSON.stringify([u.party ?? null, u.speedKn, u.enduranceH, u.arrivalTimeS, u.startPosition ? [u.startPosition.lonDeg, u.startPosition.latDeg] : null,
    u.sweepWidthNm, u.sweepWidthByScenarioNm ?? null, u.craft ?? null, u.turnRadiusNm ?? null, u.clearanceNm ?? null]);
}

/**
 * The plan with the areas of interchangeable units given out by the fixed rule (file header), and
 * the ids changed (old id to new id: a unit's area, or its place among those held, went to the
 * other); the plan itself when no two units are interchangeable.
 * @example canonicalUnits(plan, units).plan.assignments.map((a) => a.unitId)
 */
export function canonicalUnits<P extends SearchPlan & { readonly held: readonly HeldUnit[] }>(plan: P, units: readonly AllocationUnit[]): { plan: P; renamed: ReadonlyMap<string, string> } {
  const sets = new Map<string, number[]>();
  units.forEach((u, k) => { const key = interchangeableKey(u); sets.set(key, [...(sets.get(key) ?? []), k]); });
  const renamed = new Map<string, string>();
  if ([...sets.values()].every((s) => s.length === 1)) return { plan, renamed };
  const slotOf = new Map(plan.assignments.map((a, j) => [a.unitId, j]));
  const heldOf = new Map(plan.held.map((h) => [h.unitId, h]));
  // the unit each assignment slot and each held entry goes to
  const assignedTo = plan.assignments.map((a) => a.unitId);
  const held: HeldUnit[] = [...plan.held];
  for (const members of sets.values()) {
    if (members.length < 2) continue;
    const ids = members.map((k) => units[k].unitId);
    const slots = ids.filter((id) => slotOf.has(id)).map((id) => slotOf.get(id)!);
    slots.sort((p, q) => northWest(plan.assignments[p], plan.assignments[q]));
    const mayFly = (m: number, slot: number): boolean => units[members[m]].patterns.includes(plan.assignments[slot].pattern);
    const taker = takers(slots.length, members.length, (r, m) => mayFly(m, slots[r]));
    slots.forEach((slot, r) => { const to = ids[taker[r]]; if (assignedTo[slot] !== to) renamed.set(assignedTo[slot], to); assignedTo[slot] = to; });
    const left = ids.filter((_, m) => !taker.includes(m));
    const heldHere = ids.filter((id) => heldOf.has(id));
    heldHere.forEach((id, r) => {
      const to = left[r];
      const at = held.findIndex((h) => h.unitId === id);
      if (to !== id) renamed.set(id, to);
      held[at] = { ...heldOf.get(id)!, unitId: to };
    });
  }
  const order = units.map((u) => u.unitId);
  const slots = plan.assignments.map((_, j) => j).sort((p, q) => order.indexOf(assignedTo[p]) - order.indexOf(assignedTo[q]));
  return { plan: {
    ...plan,
    assignments: slots.map((j) => ({ ...plan.assignments[j], unitId: assignedTo[j] })),
    unitPos: slots.map((j) => plan.unitPos[j]),
    unitPod: slots.map((j) => plan.unitPod[j]),
    held,
  }, renamed };
}

/**
 * For areas 0..areas-1 (in the order they are given out), the member taking each: the first member
 * (in order) that may fly it and leaves every later area one that may, found by trying members in
 * order (a set has a few units). The plan as made is such an assignment, so one always exists.
 */
function takers(areas: number, members: number, may: (area: number, member: number) => boolean): number[] {
  const taken = new Array<boolean>(members).fill(false);
  const out: number[] = [];
  const fill = (r: number): boolean => {
    if (r === areas) return true;
    for (let m = 0; m < members; m++) {
      if (taken[m] || !may(r, m)) continue;
      taken[m] = true; out.push(m);
      if (fill(r + 1)) return true;
      taken[m] = false; out.pop();
    }
    return false;
  };
  if (!fill(0)) throw new Error('canonicalUnits: no unit of a set may fly an area it was given');
  return out;
}

/** Northernmost centre first, then westernmost. */
function northWest(a: UnitAssignment, b: UnitAssignment): number {
  return b.area.centre.latDeg - a.area.centre.latDeg || a.area.centre.lonDeg - b.area.centre.lonDeg;
}
