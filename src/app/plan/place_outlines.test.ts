import { describe, expect, test } from 'vitest';
import type { CooperationConfig } from '../../core/cooperation/index.js';
import { loadCooperationConfig } from '../../io/cooperation/index.js';
import { projectPath } from '../../io/project_files.js';
import { findingsReport } from '../cli/cooperation_command.js';
import { openJobCoastline } from '../drift_job/index.js';
import { PLACE_OUTLINE_TOLERANCE_NM, placesOffTheCoastline } from './index.js';

const config = loadCooperationConfig(projectPath('examples/cooperation/korea-japan.yaml'));
const withLiancourtAt = (lonDeg: number, latDeg: number): CooperationConfig =>
  ({ ...config, places: config.places.map((p) => (p.id === 'liancourt' ? { ...p, position: { lonDeg, latDeg } } : p)) });

describe('the agreement\'s islands and islets against the coastline', () => {
  test('the bundled GSHHG outline of the Liancourt Rocks lies 0.39 NM from the agreement\'s position of them, and the plan says so', async () => {
    const shoreline = (await openJobCoastline({ kind: 'bundled' }))!;
    const off = placesOffTheCoastline(config, shoreline);
    // only the islets: the seas and the other places are not land, or have no position
    expect(off.map((o) => o.placeId)).toEqual(['liancourt']);
    expect(off[0].distanceNm).toBeGreaterThan(0.35);
    expect(off[0].distanceNm).toBeLessThan(0.43);
    // the nearest shore is the outline's, north-east of the agreement's point
    expect(off[0].shore!.latDeg).toBeGreaterThan(37.24);
    expect(shoreline.isLand(off[0].position.lonDeg, off[0].position.latDeg)).toBe(false);
    const lines = findingsReport(config, { datumTrack: [], units: [] }, [], 'a plan', 'KR', true, off, 'the coastline (GSHHG)');
    expect(lines.join('\n')).toMatch(/\[coastline\] the coastline \(GSHHG\) has no land at the agreement's position of Dokdo \(37°14\.40'N 131°52\.20'E\): its nearest shore is 0\.\d\d NM away/);
  });

  test('a position on the outline\'s land, or within the tolerance of it, is no remark; one with no land near says so', async () => {
    const shoreline = (await openJobCoastline({ kind: 'bundled' }))!;
    const off = placesOffTheCoastline(config, shoreline)[0];
    expect(placesOffTheCoastline(withLiancourtAt(off.shore!.lonDeg, off.shore!.latDeg), shoreline)).toEqual([]);
    // 0.05 NM (about 0.0008 degrees of latitude) south of the shore point: in water, inside the tolerance
    expect(PLACE_OUTLINE_TOLERANCE_NM).toBeGreaterThan(0.05);
    const justOff = placesOffTheCoastline(withLiancourtAt(off.shore!.lonDeg, off.shore!.latDeg - 0.05 / 60), shoreline);
    expect(justOff).toEqual([]);
    // open sea, tens of miles from any land: no shore within the search
    expect(placesOffTheCoastline(withLiancourtAt(131.3, 36.9), shoreline)).toMatchObject([{ placeId: 'liancourt', distanceNm: null, shore: null }]);
  });
});
