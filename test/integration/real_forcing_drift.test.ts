// Drift runs on the real and reference NetCDF files, end to end through the readers.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ParticleStatus, runDrift, summariseCloud, type DriftRequest } from '../../src/core/drift/index.js';
import { ConstantField, FallbackChain, type VectorField } from '../../src/core/environment/index.js';
import { EARTH_RADIUS_M } from '../../src/core/geo/index.js';
import { findObjectClass } from '../../src/core/objects/index.js';
import { DEFAULT_GSHHG_PATH, loadGshhgCoastline } from '../../src/io/coastline/index.js';
import { loadLeewayTable } from '../../src/io/leeway/index.js';
import { openForcingFile } from '../../src/io/netcdf/index.js';
import { projectPath } from '../../src/io/project_files.js';

const RAD = Math.PI / 180;
const raft = findObjectClass(loadLeewayTable(), 'LIFE-RAFT-DB-10');
const norwayDir = projectPath('data/forcing/norway-real');
const haveNorway = existsSync(norwayDir);
const haveGshhg = existsSync(DEFAULT_GSHHG_PATH);

function request(lonDeg: number, latDeg: number, startS: number, hours: number, particleCount = 2000): DriftRequest {
  return {
    scenarios: [{ name: 'raft', weight: 1, objectClass: raft, seeding: { kind: 'point', position: { lonDeg, latDeg }, radiusM: 2000, spread: 'gaussian' } }],
    startS, durationS: hours * 3600, direction: 'forward', timeStepS: 600, outputEverySteps: 6, particleCount, seed: 11, jibeProbabilityPerHour: 0.04,
  };
}

function allFinite(a: Float64Array): boolean {
  return a.every(Number.isFinite);
}

describe('the uniform NetCDF pair', () => {
  test('reproduces the constant-forcing run within 1 m per particle', async () => {
    const wind = (await openForcingFile(projectPath('data/forcing/uniform/wind_uniform_u10_v0.nc'))).fields.wind!;
    const current = (await openForcingFile(projectPath('data/forcing/uniform/current_uniform_u0_v0.2.nc'))).fields.current!;
    const r = request(131.5, 37.2, Date.UTC(2024, 0, 1) / 1000, 24, 5000);
    const fromFiles = runDrift(r, { wind, current });
    const constant = runDrift(r, { wind: new ConstantField('wind', 10, 0), current: new ConstantField('current', 0, 0.2) });
    let worstM = 0;
    for (let i = 0; i < r.particleCount; i++) {
      const dNorth = (fromFiles.particles.latDeg[i] - constant.particles.latDeg[i]) * RAD * EARTH_RADIUS_M;
      const dEast = (fromFiles.particles.lonDeg[i] - constant.particles.lonDeg[i]) * RAD * EARTH_RADIUS_M * Math.cos(37.3 * RAD);
      worstM = Math.max(worstM, Math.hypot(dNorth, dEast));
    }
    expect(fromFiles.particles.status.every((s) => s === ParticleStatus.active)).toBe(true);
    // the files store float32 (0.2 → 0.2000000030): 24 h × 3e-9 m/s is ~0.3 mm
    expect(worstM).toBeLessThan(1);
  });
});

describe.skipIf(!haveNorway)('AROME MetCoOp 2.5 km wind (Lambert, grid-relative x/y)', () => {
  test('over the file\'s two hours, an offshore cloud moves as the mean leeway of the sampled wind', async () => {
    const wind = (await openForcingFile(`${norwayDir}/AROME_MetCoOp_00_DEF_20160114_subset.nc`)).fields.wind!;
    const [lon0, lat0] = [5.0, 63.0];   // open sea west of Ålesund, about 6 m/s from the east-south-east
    const r = request(lon0, lat0, wind.startS, 2, 4000);
    const result = runDrift(r, { wind, current: new ConstantField('current', 0, 0) });
    const end = summariseCloud(result.snapshots.at(-1)!, result.particles.weight).centroid!;
    expect(result.particles.status.every((s) => s === ParticleStatus.active)).toBe(true);
    // independent expectation: the wind sampled at the seed position at the start of each 10-min step,
    // times the class's mean leeway: downwind, plus the mean of right and left crosswind (exact split)
    const sample = (field: VectorField, t: number): [number, number] => {
      const e = new Float64Array(1), n = new Float64Array(1), c = new Uint8Array(1);
      field.sampleBatch(t, new Float64Array([lon0]), new Float64Array([lat0]), 1, e, n, c);
      return [e[0], n[0]];
    };
    let east = 0, north = 0;
    for (let k = 0; k < 12; k++) {
      const [we, wn] = sample(wind, wind.startS + k * 600);
      const speed = Math.hypot(we, wn);
      const downwind = raft.downwind.slope * speed + raft.downwind.offsetMps;
      const crosswind = 0.5 * (raft.rightCrosswind.slope * speed + raft.rightCrosswind.offsetMps)
        + 0.5 * (raft.leftCrosswind.slope * speed + raft.leftCrosswind.offsetMps);
      east += (downwind * we + crosswind * wn) / speed * 600;      // right of downwind is (wn, -we) / speed
      north += (downwind * wn - crosswind * we) / speed * 600;
    }
    const movedNorth = (end.latDeg - lat0) * RAD * EARTH_RADIUS_M;
    const movedEast = (end.lonDeg - lon0) * RAD * EARTH_RADIUS_M * Math.cos(((end.latDeg + lat0) / 2) * RAD);
    const expected = Math.hypot(east, north);
    expect(expected).toBeGreaterThan(1000);           // the test means something: a real displacement
    // the cloud spreads over a few km of a 2.5 km grid, so its mean wind differs a little from the seed's
    expect(Math.hypot(movedEast - east, movedNorth - north) / expected).toBeLessThan(0.05);
  });

  test.skipIf(!haveGshhg)('24 h with a fallback wind after the file ends: clouds off and at the coast end with sensible statuses', async () => {
    const arome = (await openForcingFile(`${norwayDir}/AROME_MetCoOp_00_DEF_20160114_subset.nc`)).fields.wind!;
    const wind = new FallbackChain([arome, new ConstantField('wind', 0, 8, 'estimate: 8 m/s southerly')]);
    const current = new ConstantField('current', 0, 0);
    const coast = await loadGshhgCoastline({ westDeg: 0, eastDeg: 10, southDeg: 59, northDeg: 66 });
    const offshore = runDrift(request(5.0, 62.3, arome.startS, 24), { wind, current }, { shoreline: coast });
    const atCoast = runDrift(request(4.9, 61.2, arome.startS, 24), { wind, current }, { shoreline: coast });
    for (const run of [offshore, atCoast]) {
      const last = run.snapshots.at(-1)!;
      expect(allFinite(last.lonDeg) && allFinite(last.latDeg)).toBe(true);
      expect(last.status.every((s) => s === ParticleStatus.active || s === ParticleStatus.stranded)).toBe(true);
      // every stranded particle lies on the shore: within a few metres of land
      for (let i = 0; i < last.status.length; i += 50) {
        if (last.status[i] === ParticleStatus.stranded) {
          const near = [-1, 1].some((s) => coast.isLand(last.lonDeg[i] + s * 1e-4, last.latDeg[i]) || coast.isLand(last.lonDeg[i], last.latDeg[i] + s * 1e-4));
          expect(near).toBe(true);
        }
      }
    }
    expect(offshore.snapshots.at(-1)!.status.every((s) => s === ParticleStatus.active)).toBe(true);
    const stranded = atCoast.snapshots.at(-1)!.status.filter((s) => s === ParticleStatus.stranded).length;
    expect(stranded / 2000).toBeGreaterThan(0.5);   // seeded on the skerries west of Florø
  });
});

describe.skipIf(!haveNorway || !haveGshhg)('ROMS Nordic-4km currents (curvilinear, staggered, sigma levels)', () => {
  test('24 h drifts off Lofoten end stranded, afloat, or outside the model where they left it', async () => {
    const current = (await openForcingFile(`${norwayDir}/Nordic_subset.nc`)).fields.current!;
    const wind = new ConstantField('wind', 5, 0, 'estimate: 5 m/s westerly');
    const coast = await loadGshhgCoastline({ westDeg: 10, eastDeg: 18, southDeg: 65, northDeg: 70 });
    const nearShore = runDrift(request(14.0, 67.2, current.startS, 24), { wind, current }, { shoreline: coast });
    const leaving = runDrift(request(13.5, 67.6, current.startS, 24), { wind, current }, { shoreline: coast });
    const onLand = runDrift(request(14.5, 67.0, current.startS, 1, 200), { wind, current }, { shoreline: coast });
    const counts = (run: typeof nearShore) => summariseCloud(run.snapshots.at(-1)!, run.particles.weight).counts;
    expect(counts(nearShore).stranded).toBeGreaterThan(0);
    expect(counts(nearShore).active).toBeGreaterThan(0);
    expect(counts(leaving)['outside forcing']).toBeGreaterThan(0);
    expect(counts(onLand).stranded).toBe(200);       // 67.0N 14.5E is on land: stranded at seeding
    // a particle marked outside forcing sits where the model gives no current
    const last = leaving.snapshots.at(-1)!;
    const outside = [...last.status.keys()].filter((i) => last.status[i] === ParticleStatus.outsideForcing);
    const lon = new Float64Array(outside.map((i) => last.lonDeg[i])), lat = new Float64Array(outside.map((i) => last.latDeg[i]));
    const covered = new Uint8Array(outside.length);
    current.sampleBatch(current.startS + 12 * 3600, lon, lat, outside.length, new Float64Array(outside.length), new Float64Array(outside.length), covered);
    expect(covered.every((c) => c === 0)).toBe(true);
    for (const run of [nearShore, leaving]) expect(allFinite(run.particles.lonDeg) && allFinite(run.particles.latDeg)).toBe(true);
  });
});
