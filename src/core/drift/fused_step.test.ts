import { describe, expect, test } from 'vitest';
import { GriddedField, RegularLonLatGrid } from '../environment/index.js';
import { field, griddedForcing, island, request, T0 } from './gridded_case.testkit.js';
import { ParticleStatus } from './particles.js';
import type { Shoreline } from './request.js';
import { runDrift, type DriftResult } from './run.js';

// On the case of gridded_case.testkit.ts, the one-pass kernel must give what sampleBatch +
// sampleBatch + leewayStep give, bit for bit.

function run(fused: boolean): DriftResult {
  const { wind, current } = griddedForcing();
  if (!fused) for (const f of [wind, current]) f.uniformSlice = () => null;   // the general path
  return runDrift(request, { wind, current }, { shoreline: island });
}

describe('fusedLeewayStep', () => {
  test('gives the three-pass result bit for bit: positions, statuses, jibes at every output time', () => {
    const one = run(true), three = run(false);
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const statuses = new Set(one.particles.status);
    expect(statuses).toEqual(new Set([0, 1, 2]));   // active, stranded and outside forcing all occur
    expect(Math.max(...one.particles.jibeCount)).toBeGreaterThan(0);
    for (const column of ['lonDeg', 'latDeg', 'status', 'jibeCount', 'side', 'crosswindSlope', 'nextJibeS'] as const) {
      expect(bytes(one.particles[column]).equals(bytes(three.particles[column])), column).toBe(true);
    }
    expect(one.snapshots).toHaveLength(three.snapshots.length);
    one.snapshots.forEach((s, k) => {
      expect(bytes(s.lonDeg).equals(bytes(three.snapshots[k].lonDeg)), `lon at output ${k}`).toBe(true);
      expect(bytes(s.status).equals(bytes(three.snapshots[k].status)), `status at output ${k}`).toBe(true);
    });
  });

  test('a run cut into ranges gives the whole run bit for bit, a range smaller than the wind slice too', () => {
    // 4000 particles blend the wind's 480-node slices; a range of 150 samples as the run does
    // (runCount; the sampling itself is tested in gridded_field.test.ts)
    const whole = run(true);
    const { wind, current } = griddedForcing();
    const ranges = [[0, 150], [150, 3850]].map(([firstIndex, count]) => runDrift(request, { wind, current }, { shoreline: island, firstIndex, count }));
    const joined = (pick: (r: DriftResult) => Float64Array) => Buffer.concat(ranges.map((r) => Buffer.from(pick(r).buffer)));
    expect(joined((r) => r.particles.lonDeg).equals(Buffer.from(whole.particles.lonDeg.buffer))).toBe(true);
    whole.snapshots.forEach((s, k) => {
      expect(joined((r) => r.snapshots[k].latDeg).equals(Buffer.from(s.latDeg.buffer)), `lat at output ${k}`).toBe(true);
    });
  });

  test('the clear-water cells change nothing: the run with a shoreline that has none is the same bit for bit', () => {
    const withCells = run(true);
    const plain: Shoreline = {   // the island without its clearWater: every step asks firstShoreCrossing
      label: island.label, bounds: island.bounds, isLand: (lon, lat) => island.isLand(lon, lat),
      firstShoreCrossing: (a, b, c, d) => island.firstShoreCrossing(a, b, c, d),
      nearestWater: (lon, lat, m) => island.nearestWater(lon, lat, m), closestShore: (a, b, c, d, m) => island.closestShore(a, b, c, d, m),
    };
    const without = runDrift(request, griddedForcing(), { shoreline: plain });
    expect(new Set(withCells.particles.status).has(1)).toBe(true);   // some strand on the island
    for (const column of ['lonDeg', 'latDeg', 'status'] as const) {
      expect(Buffer.from(withCells.particles[column].buffer).equals(Buffer.from(without.particles[column].buffer)), column).toBe(true);
    }
  });

  test("runDrift's first step on the one-pass path: a seeding a field covers nowhere is refused as on the general path, a partly covered one runs", () => {
    const { wind } = griddedForcing();
    const messages = [true, false].map((fused) => {
      const current = field('current', 133, 9, 12, 0.4);   // 133-133.4E: none of the seeding (131.0-131.1E)
      if (!fused) for (const f of [wind, current]) f.uniformSlice = () => null;
      else expect(current.uniformSlice(request.startS, request.particleCount)).not.toBeNull();
      try { runDrift(request, { wind, current }, { shoreline: island }); } catch (error) { return (error as Error).message; }
      return 'no error';
    });
    expect(messages[0]).toMatch(/^current: no particle at the start lies inside current \(e\.g\. 37\.\d{4}N 131\.\d{4}E; the source covers 36\.80\.\.37\.35N 133\.00\.\.133\.40E\)/);
    expect(messages[1]).toBe(messages[0]);   // the same particle named
    // the case's own current ends inside the cloud's path: some particles leave it, the run goes on
    const partly = runDrift(request, griddedForcing(), { shoreline: island });
    expect(partly.particles.status.some((st) => st === ParticleStatus.outsideForcing)).toBe(true);
    expect(partly.particles.status.some((st) => st === ParticleStatus.active)).toBe(true);
  });

  test('over a pole both paths bring the particles down the other side, on the globe and bit for bit', () => {
    // 0.5 m/s northward everywhere north of 89N (a grid round the globe), no wind; seeded 1.1 km from the pole
    const lon = Array.from({ length: 72 }, (_, i) => 5 * i), lat = Array.from({ length: 21 }, (_, j) => 89 + 0.05 * j);
    const size = 3 * lon.length * lat.length;
    const polar = (quantity: 'wind' | 'current', northMps: number) => new GriddedField({ label: quantity, quantity, grid: new RegularLonLatGrid(lon, lat),
      timesS: Float64Array.from([T0, T0 + 3 * 3600, T0 + 6 * 3600]), eastMps: new Float64Array(size), northMps: new Float64Array(size).fill(northMps) });
    const r = { ...request, durationS: 3600, particleCount: 1000,
      scenarios: [{ name: 'piw', weight: 1, objectClass: request.scenarios[0].objectClass, seeding: { kind: 'point' as const, position: { lonDeg: 100, latDeg: 89.99 }, radiusM: 300, spread: 'gaussian' as const } }] };
    const drift = (fused: boolean): DriftResult => {
      const wind = polar('wind', 0), current = polar('current', 0.5);
      if (!fused) for (const f of [wind, current]) f.uniformSlice = () => null;
      else expect(current.uniformSlice(T0, 1000)).not.toBeNull();
      return runDrift(r, { wind, current });
    };
    const one = drift(true), three = drift(false);
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    one.snapshots.forEach((s, k) => {
      for (let i = 0; i < s.status.length; i++) expect(Math.abs(s.latDeg[i]) <= 90 && s.lonDeg[i] >= -180 && s.lonDeg[i] < 180, `output ${k}: ${s.lonDeg[i]} ${s.latDeg[i]}`).toBe(true);
      expect(bytes(s.lonDeg).equals(bytes(three.snapshots[k].lonDeg)), `lon at output ${k}`).toBe(true);
      expect(bytes(s.latDeg).equals(bytes(three.snapshots[k].latDeg)), `lat at output ${k}`).toBe(true);
    });
    // 1.1 km ± 0.3 km from the pole, 1.8 km north in the hour: every one crossed it (and, the field
    // still northward on the other side, crossed back); on both paths, the pair's and the single one
    expect(one.snapshots.some((s) => s.lonDeg.some((x) => x < 0))).toBe(true);   // on 80W: over the pole
  });
});
