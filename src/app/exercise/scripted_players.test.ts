/**
 * The scripted players of a doctrine trial react to released injects as a coordinator would
 * (doctrine_trial.ts phaseKnowledge): a sighting becomes a new datum for the next plan, a weather
 * change changes the table sweep widths (IAMSAR weather correction) and a constant wind forecast;
 * a distress call is the datum (IAMSAR Vol. II ch. 4), or a new datum when it comes after the first plan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { runDrift } from '../../core/drift/index.js';
import { ConstantField } from '../../core/environment/index.js';
import { findObjectClass } from '../../core/objects/index.js';
import { leewayTable } from '../../test_support/leeway_table.js';
import { simulateTruthTrack, truthPositionAt, type TruthSpec } from '../../core/exercise/index.js';
import { callsNeedTruth, heardCalls, phaseKnowledge, playersFlights, playRuns, revisedForcing, runSeedOf, type MethodFlights } from './doctrine_trial.js';
import { exerciseCaseFromFile, parseExerciseFile, type ExerciseCase } from './exercise_file.js';

const path = new URL('../../../examples/exercises/constant-forcing-six-units.yaml', import.meta.url).pathname;

/** The constant-forcing example (a raft, six units, wind 10 m/s from 315°) with two phases, fewer particles, and `change`. */
function exercise(change: (f: Record<string, any>) => void = () => {}): ExerciseCase {
  const f = parseExerciseFile(readFileSync(path, 'utf8'), 'x.yaml') as Record<string, any>;
  f.particles = 1500;
  f.exercise.phases = [{ name: 'plan 2', replanAfterH: 6 }];
  change(f);
  return exerciseCaseFromFile(parseExerciseFile(stringify(f), 'x.yaml'), leewayTable, null, 'x.yaml');
}
/** Wind 10 m/s from the north-west, current 0.3 m/s toward the east: the example's forcing. */
const forcing = { wind: ConstantField.fromSpeedFrom('wind', 10, 315), current: ConstantField.fromSpeedToward('current', 0.3, 90) };
const flights = (e: ExerciseCase) => {
  const drift = runDrift(e.plan.drift.request, forcing, { shoreline: null });
  return playersFlights(e, drift, null, forcing);
};
/** Mean of every waypoint of a phase's routes (where the plan sends the units). */
const routeCentre = (m: MethodFlights, phase: number) => {
  const w = m.phases[phase].assignments.flatMap((a) => a.route.waypoints);
  return { lonDeg: w.reduce((s, p) => s + p.lonDeg, 0) / w.length, latDeg: w.reduce((s, p) => s + p.latDeg, 0) / w.length };
};
/** The truth's track on the example's forcing, 10 min steps to the exercise's end. */
const truthTrack = (truth: TruthSpec, e: ExerciseCase) =>
  simulateTruthTrack(truth, forcing, null, { durationS: Math.ceil((e.endS - truth.timeS) / 600) * 600, stepS: 600, objects: leewayTable });
const nm = (a: { lonDeg: number; latDeg: number }, b: { lonDeg: number; latDeg: number }) =>
  Math.hypot((a.lonDeg - b.lonDeg) * 60 * Math.cos((a.latDeg * Math.PI) / 180), (a.latDeg - b.latDeg) * 60);
// the example's first plan is at 1200Z; the second at 1800Z
const raft = findObjectClass(leewayTable, 'LIFE-RAFT-DB-10');
const SIGHTING = { id: 'sight-1', kind: 'sighting', at: '2026-03-12T15:00Z', text: 'a fishing vessel saw an orange canopy', position: '38 10N 133 30E' };

describe('scripted players and the injects released to them', () => {
  test('a sighting is a new datum for the next plan: one more scenario at its position and time, with its share; the plan goes there', () => {
    const plain = exercise();
    const sighted = exercise((f) => { f.exercise.injects = [{ ...SIGHTING, datumShare: 0.6, datumRadiusNm: 2 }]; });
    // before the sighting the players know nothing new; after, the scenario is there
    expect(phaseKnowledge(sighted, sighted.phases[0].planningTimeS)).toMatchObject({ injectIds: [], redrift: false });
    const k = phaseKnowledge(sighted, sighted.phases[1].planningTimeS);
    expect(k.injectIds).toEqual(['sight-1']);
    expect(k.redrift).toBe(true);
    const s = k.request.scenarios;
    expect(s).toHaveLength(3);
    // the example's weights 0.6 + 0.4 = 1: a share of 0.6 is a weight of 1.5 (1.5 / 2.5 = 0.6); a probable
    // error of 2 NM is the 50 % radius of a circular normal, σ = E / √(2 ln 2) per axis
    expect(s[2]).toMatchObject({ name: 'new datum: sight-1', weight: expect.closeTo(1.5, 12), objectClass: s[0].objectClass,
      seeding: { kind: 'point', position: { lonDeg: 133.5, latDeg: 38 + 10 / 60 }, radiusM: (2 * 1852) / Math.sqrt(2 * Math.LN2), spread: 'gaussian', timeS: Date.parse('2026-03-12T15:00Z') / 1000 } });
    const before = flights(plain), after = flights(sighted);
    for (const method of ['optimal', 'iamsar'] as const) {
      // the first plan is the same (the sighting comes after it), the second is another
      expect(after[method].phases[0].assignments).toEqual(before[method].phases[0].assignments);
      expect(after[method].phases[1].injectIds).toEqual(['sight-1']);
      // the second plan's units go toward the sighting (its datum drifted 3 h on: a few NM east-south-east)
      const sighting = { lonDeg: 133.5, latDeg: 38 + 10 / 60 };
      const was = nm(routeCentre(before[method], 1), sighting), is = nm(routeCentre(after[method], 1), sighting);
      expect(is, `${method}: ${was.toFixed(1)} NM → ${is.toFixed(1)} NM from the sighting`).toBeLessThan(was - 5);
    }
  }, 120_000);

  test('a weather change changes the table sweep widths by the IAMSAR weather correction, and a constant wind forecast from its time on', () => {
    // the units from the tables (vessels and helicopters), in weather band 1; the change brings 30 kn (band 3)
    const tableUnits = (f: Record<string, any>) => {
      f.weather = { visibilityNm: 10, windKn: 10, seaHeightM: 0.5 };
      for (const u of f.units) {
        delete u.sweepWidthNm;
        u.platform = u.id.startsWith('HELO') ? { kind: 'helicopter', altitudeFt: 500 } : { kind: 'vessel', eyeHeightFt: 30 };
      }
      // one unit keeps a manual W: the coordinator's own figure, which the weather does not change
      f.units[0].sweepWidthNm = 4;
      delete f.units[0].platform;
    };
    const calm = exercise(tableUnits);
    const gale = exercise((f) => {
      tableUnits(f);
      f.exercise.injects = [{ id: 'wx-1', kind: 'weatherChange', at: '2026-03-12T15:00Z', text: 'gale from the north-west', weather: { windKn: 30 } }];
    });
    const k = phaseKnowledge(gale, gale.phases[1].planningTimeS);
    expect(k.injectIds).toEqual(['wx-1']);
    // 'Raft 4 person' is a small object: fw 1 in band 1, 0.25 in band 3 (IAMSAR Vol. II weather correction)
    for (const u of k.units) {
      const was = calm.plan.units.find((x) => x.unitId === u.unitId)!;
      if (u.unitId === 'SHIP-1') expect(u.sweepWidthNm).toBe(4);
      else expect(u.sweepWidthNm / was.sweepWidthNm, u.unitId).toBeCloseTo(0.25, 12);
    }
    expect(gale.weatherUnits[0].units.find((u) => u.unitId === 'SHIP-2')!.sweepWidthSource).toMatch(/fw 0\.25/);
    // the players' constant wind: 30 kn still from 315°, from 1500Z on
    expect(k.wind).toHaveLength(1);
    expect(k.wind[0].atS).toBe(Date.parse('2026-03-12T15:00Z') / 1000);
    expect(k.wind[0].eastMps).toBeCloseTo(30 * (1852 / 3600) * Math.SQRT1_2, 9);
    expect(k.wind[0].northMps).toBeCloseTo(-30 * (1852 / 3600) * Math.SQRT1_2, 9);
    expect(k.redrift).toBe(true);
    const expectedNm = (raft.downwind.slope * (30 * (1852 / 3600) - 10) * 3 * 3600) / 1852;
    /** NM from a to b toward 135° (downwind of a north-westerly). */
    const downwind = (a: { lonDeg: number; latDeg: number }, b: { lonDeg: number; latDeg: number }) =>
      ((b.lonDeg - a.lonDeg) * 60 * Math.cos((a.latDeg * Math.PI) / 180) - (b.latDeg - a.latDeg) * 60) * Math.SQRT1_2;
    const before = flights(calm), after = flights(gale);
    for (const method of ['optimal', 'iamsar'] as const) {
      expect(after[method].phases[0].assignments).toEqual(before[method].phases[0].assignments);
      // the second plan: the units search with the corrected widths, further downwind (south-east): the raft drifted faster
      const widths = Object.fromEntries(after[method].phases[1].assignments.map((a) => [a.unitId, a.sweepWidthNm]));
      for (const u of k.units) if (widths[u.unitId] !== undefined) expect(widths[u.unitId]).toBeCloseTo(u.sweepWidthNm, 12);
      // the second plan's map: its datum moved downwind (toward 135°)
      expect(downwind(before[method].phases[1].map.datum!, after[method].phases[1].map.datum!), method).toBeGreaterThan(0.5 * expectedNm);
    }
    // the players' drift itself: the same until the change, then each particle goes further downwind by
    // its extra downwind leeway over the 3 h, slope × (15.43 − 10 m/s) × 3 h (Allen & Plourde's linear
    // leeway; the crosswind halves are perpendicular to it)
    const calmDrift = runDrift(calm.plan.drift.request, forcing, { shoreline: null });
    const galeDrift = runDrift(k.request, revisedForcing(forcing, k.wind), { shoreline: null });
    const at = (d: typeof calmDrift, iso: string) => d.snapshots.find((x) => x.timeS === Date.parse(iso) / 1000)!;
    expect(at(galeDrift, '2026-03-12T15:00Z').lonDeg).toEqual(at(calmDrift, '2026-03-12T15:00Z').lonDeg);
    const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
    const centre = (d: typeof calmDrift) => ({ lonDeg: mean(at(d, '2026-03-12T18:00Z').lonDeg), latDeg: mean(at(d, '2026-03-12T18:00Z').latDeg) });
    expect(downwind(centre(calmDrift), centre(galeDrift)) / expectedNm).toBeCloseTo(1, 1);
  }, 120_000);

  test('a weather change with no wind leaves a constant forecast as it was; no weather in the file, no width to change', () => {
    const e = exercise((f) => { f.exercise.injects = [{ id: 'wx-2', kind: 'weatherChange', at: '2026-03-12T15:00Z', text: 'fog', weather: { visibilityNm: 1 } }]; });
    const k = phaseKnowledge(e, e.phases[1].planningTimeS);
    expect(k).toMatchObject({ injectIds: ['wx-2'], wind: [], redrift: false });
    // the example gives manual widths and no weather: the units stay as the file gives them
    expect(e.weatherUnits).toEqual([]);
    expect(k.units).toEqual(e.plan.units);
  });

  // the plan file's cloud lies about 38 20N 133 00E at 1200Z; the call puts the raft some 20 NM south-west of it
  const CALL = { id: 'mayday-1', kind: 'distressCall', at: '2026-03-12T11:00Z', text: 'MAYDAY, position by dead reckoning', position: '38 00N 132 40E', datumRadiusNm: 3 };
  const callAt = { lonDeg: 132 + 40 / 60, latDeg: 38 };

  test('a distress call before the first plan is the datum the players drift from: the distress position with its error X, every scenario', () => {
    const plain = exercise();
    const called = exercise((f) => { f.exercise.injects = [CALL]; });
    const k = phaseKnowledge(called, called.phases[0].planningTimeS);
    expect(k.injectIds).toEqual(['mayday-1']);
    expect(k.redrift).toBe(true);
    // the plan file's two scenarios keep their objects and weights; both start at the reported position at the call's time, σ = X / √(2 ln 2)
    const was = plain.plan.drift.request.scenarios, is = k.request.scenarios;
    expect(is).toHaveLength(was.length);
    is.forEach((s, j) => {
      expect(s.objectClass).toBe(was[j].objectClass);
      expect(s.weight).toBe(was[j].weight);
      expect(s.seeding).toEqual({ kind: 'point', position: { lonDeg: expect.closeTo(callAt.lonDeg, 12), latDeg: expect.closeTo(callAt.latDeg, 12) }, radiusM: (3 * 1852) / Math.sqrt(2 * Math.LN2), spread: 'gaussian', timeS: Date.parse('2026-03-12T11:00Z') / 1000 });
    });
    // the first plan goes there: its datum and its units' routes are near the call's position drifted on an hour, not the plan file's
    const before = flights(plain), after = flights(called);
    for (const method of ['optimal', 'iamsar'] as const) {
      expect(after[method].phases[0].injectIds).toEqual(['mayday-1']);
      const datum = after[method].phases[0].map.datum!;
      expect(nm(datum, callAt), method).toBeLessThan(3);
      expect(nm(before[method].phases[0].map.datum!, callAt), method).toBeGreaterThan(15);
      expect(nm(routeCentre(after[method], 0), callAt), method).toBeLessThan(nm(routeCentre(before[method], 0), callAt) - 10);
    }
  }, 120_000);

  test('a distress call after the first plan (a corrected position) is a new datum as a sighting is; one from the truth is heard per run', () => {
    const later = exercise((f) => { f.exercise.injects = [{ ...CALL, at: '2026-03-12T15:00Z', datumShare: 0.6 }]; });
    expect(phaseKnowledge(later, later.phases[0].planningTimeS)).toMatchObject({ injectIds: [], redrift: false });
    const k = phaseKnowledge(later, later.phases[1].planningTimeS);
    const s = k.request.scenarios;
    expect(s).toHaveLength(3);
    expect(s.slice(0, 2)).toEqual(later.plan.drift.request.scenarios);
    expect(s[2]).toMatchObject({ name: 'new datum: mayday-1', weight: expect.closeTo(1.5, 12),
      seeding: { kind: 'point', radiusM: (3 * 1852) / Math.sqrt(2 * Math.LN2), timeS: Date.parse('2026-03-12T15:00Z') / 1000 } });

    // made from the truth with a random error within 4 NM: X is that disc's 50 % radius, 4/√2 NM; the players hear it per run
    const fromTruth = exercise((f) => { f.exercise.injects = [{ id: 'mayday-2', kind: 'distressCall', at: '2026-03-12T11:00Z', text: 'MAYDAY', positionError: { radiusNm: 4, seed: 9 } }]; });
    expect(fromTruth.distressCalls[0].probableErrorM).toBeCloseTo((4 / Math.SQRT2) * 1852, 9);
    expect(callsNeedTruth(fromTruth)).toBe(true);
    expect(() => phaseKnowledge(fromTruth, fromTruth.phases[0].planningTimeS)).toThrow(/made from each run's truth/);
    const truth = { objectClass: 'LIFE-RAFT-DB-10', position: { lonDeg: 133.2, latDeg: 38.1 }, timeS: Date.parse('2026-03-12T08:00Z') / 1000, forcing: null, seed: 4 };
    const track = truthTrack(truth, fromTruth);
    const [call] = heardCalls(fromTruth, track);
    expect(nm(call.position, truthPositionAt(track, call.atS)!)).toBeLessThanOrEqual(4 + 1e-9);
    expect(phaseKnowledge(fromTruth, fromTruth.phases[0].planningTimeS, [call]).request.scenarios[0].seeding).toMatchObject({ position: call.position });
  });

  test('in a trial, each run\'s players drift from the call made from its own truth', () => {
    const e = exercise((f) => {
      f.particles = 400;
      f.exercise.phases = [];
      f.exercise.injects = [{ id: 'mayday-3', kind: 'distressCall', at: '2026-03-12T11:00Z', text: 'MAYDAY', positionError: { bearingDeg: 90, distanceNm: 2 } }];
    });
    const loaded = { forcing, truthForcing: forcing, shoreline: null, objects: leewayTable };
    expect(() => playRuns(e, [0], 1, loaded, flights(exercise()))).toThrow(/plan per run/);
    const runs = playRuns(e, [0, 1, 2], 1, loaded, null);
    const planAt = e.phases[0].planningTimeS;
    for (const r of runs) {
      expect(r.seed).toBe(runSeedOf(1, r.run));
      // the call: the truth at its time (or where it went into the water, if later), 2 NM east
      const track = truthTrack(r.truth, e);
      const [call] = heardCalls(e, track);
      expect(nm(call.position, truthPositionAt(track, Math.max(call.atS, r.truth.timeS))!)).toBeCloseTo(2, 2);
      // the players' first plan (as playRuns made it) is centred on the call drifted to the planning time: a few NM from the truth then
      const f = playersFlights(e, null, null, forcing, undefined, [call]);
      expect(nm(f.optimal.phases[0].map.datum!, truthPositionAt(track, planAt)!)).toBeLessThan(4);
    }
    // different truths, different plans
    expect(new Set(runs.map((r) => r.plannedPos.optimal)).size).toBeGreaterThan(1);
  }, 120_000);

  test("in a trial, a call's random error is drawn again in each run, within its radius; a single exercise keeps the stated draw", () => {
    const e = exercise((f) => { f.exercise.injects = [{ id: 'mayday-4', kind: 'distressCall', at: '2026-03-12T11:00Z', text: 'MAYDAY', positionError: { radiusNm: 4, seed: 9 } }]; });
    const truth = { objectClass: 'LIFE-RAFT-DB-10', position: { lonDeg: 133.2, latDeg: 38.1 }, timeS: Date.parse('2026-03-12T08:00Z') / 1000, forcing: null, seed: 4 };
    const track = truthTrack(truth, e);
    const at = truthPositionAt(track, Date.parse('2026-03-12T11:00Z') / 1000)!;
    const single = heardCalls(e, track)[0].position;
    expect(heardCalls(e, track)[0].position).toEqual(single);
    const offsets = [0, 1, 2, 3, 4, 5, 6, 7].map((run) => heardCalls(e, track, runSeedOf(1, run))[0].position);
    for (const p of offsets) expect(nm(p, at)).toBeLessThanOrEqual(4 + 1e-9);
    // eight runs, eight different errors (one fixed draw repeated would give one position)
    expect(new Set(offsets.map((p) => `${p.lonDeg.toFixed(6)} ${p.latDeg.toFixed(6)}`)).size).toBe(8);
    // the same run gives the same error (seeded)
    expect(heardCalls(e, track, runSeedOf(1, 3))[0].position).toEqual(offsets[3]);
  });
});
