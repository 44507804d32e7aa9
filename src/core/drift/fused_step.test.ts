import { describe, expect, test } from 'vitest';
import { field, griddedForcing, island, request } from './gridded_case.testkit.js';
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
});
