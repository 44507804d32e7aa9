// The browser path (src/app/browser.ts) run in Node: the plan from text with forcing names kept as
// given, forcing opened from bytes, the bundled coastline from its text, core runDrift in this
// thread, then planAfterDrift; it must give what `runPlan` gives from the same file on disk.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runDrift } from '../core/drift/index.js';
import { planMessage } from '../core/export/index.js';
import { parseLeewayTable } from '../core/objects/index.js';
import { BUNDLED_COASTLINE_FILE } from '../io/coastline/index.js';
import { LEEWAY_TABLE_FILE, loadLeewayTable } from '../io/leeway/index.js';
import { projectPath } from '../io/project_files.js';
import {
  bundledCoastlineFromText, coastlineForSpec, forcingBytesOpener, openJobForcing, parsePlanFile, planAfterDrift,
  planCaseFromFile, planOutputFiles,
} from './browser.js';
import { loadPlanCase, runPlan } from './plan/index.js';

const objects = loadLeewayTable();
const planPath = projectPath('examples/plans/east-sea-raft-or-piw.yaml');
const small = (text: string): string => text.replace(/^particles: \d+$/m, 'particles: 400');

describe('the browser planning path', () => {
  test('gives the plan runPlan gives from the same file', async () => {
    const text = small(readFileSync(planPath, 'utf8'));
    const planCase = planCaseFromFile(parsePlanFile(text, 'east-sea-raft-or-piw.yaml'), objects, null, 'east-sea-raft-or-piw.yaml');
    const names = [...planCase.drift.forcing.wind, ...planCase.drift.forcing.current].flatMap((s) => s.kind === 'file' ? [s.path] : []);
    expect(names).toEqual(['../../data/forcing/east-sea-synthetic/east-sea-wind.nc', '../../data/forcing/east-sea-synthetic/east-sea-currents.nc']);
    const bytes = new Map(names.map((n) => [n, new Uint8Array(readFileSync(join(dirname(planPath), n)))]));
    const forcing = await openJobForcing(planCase.drift, forcingBytesOpener(bytes));
    const coastText = readFileSync(projectPath(BUNDLED_COASTLINE_FILE), 'utf8');
    const shoreline = await coastlineForSpec(planCase.drift.coastline, { bundled: () => bundledCoastlineFromText(coastText) });
    const result = runDrift(planCase.drift.request, forcing, { shoreline });
    const inBrowser = planAfterDrift(planCase, result, shoreline);

    const onDisk = loadPlanCase(planPath, objects);
    const reference = await runPlan({ ...onDisk, drift: { ...onDisk.drift, request: { ...onDisk.drift.request, particleCount: 400 } } }, { workers: 1 });
    expect(inBrowser.optimal.pos).toBe(reference.optimal.pos);
    expect(inBrowser.baseline.pos).toBe(reference.baseline.pos);
    expect(inBrowser.datumTrack).toEqual(reference.datumTrack);
    expect(inBrowser.optimal.assignments.map((a) => a.route.waypoints)).toEqual(reference.optimal.assignments.map((a) => a.route.waypoints));
    const files = planOutputFiles(inBrowser);
    // RTZ for the ships, not the aircraft (MPA-B)
    expect(Object.keys(files)).toEqual(['plan.geojson', 'plan.gpx', 'plan.kml', 'SHIP-A.rtz', 'SHIP-B.rtz', 'plan-message.txt', 'plan-for-rules.json']);
    expect(files['plan.gpx']).toBe(planOutputFiles(reference)['plan.gpx']);
    const message = planMessage({
      title: planCase.title, planningTimeS: planCase.planningTimeS, datum: inBrowser.datumAtPlanning, plan: inBrowser.optimal, baselinePos: inBrowser.baseline.pos, chosen: inBrowser.optimal.chosen,
    });
    expect(message.split('\n').every((l) => l.length <= 69 && /^[\x20-\x7e]*$/.test(l))).toBe(true);
    expect(message.match(/^UNIT \d+ /gm)).toHaveLength(planCase.units.length);
  });

  test('the Leeway table from its text as a bundler gives it (UTF-8, `?raw`) is the one the CLI reads (latin1)', () => {
    const text = readFileSync(projectPath(LEEWAY_TABLE_FILE), 'utf8');
    expect(parseLeewayTable(text, 'OBJECTPROP.DAT')).toEqual(loadLeewayTable());
  });

  test('a forcing file the case names but the page was not given is an error naming both', async () => {
    const open = forcingBytesOpener(new Map([['wind.nc', new Uint8Array(4)]]));
    await expect(open('currents.nc')).rejects.toThrow('currents.nc: is named as forcing but was not given (the forcing files given are wind.nc)');
  });

  test('a GSHHG coastline where it cannot be read is an error that says what to use', async () => {
    const spec = { kind: 'gshhg', bounds: { westDeg: 130, eastDeg: 133, southDeg: 36, northDeg: 39 } } as const;
    await expect(coastlineForSpec(spec, { bundled: () => { throw new Error('not asked'); } })).rejects.toThrow("coastline: 'gshhg' needs GSHHG's full-resolution file");
  });

  test('the bundled coastline is built once for the same text', () => {
    const coastText = readFileSync(projectPath(BUNDLED_COASTLINE_FILE), 'utf8');
    expect(bundledCoastlineFromText(coastText)).toBe(bundledCoastlineFromText(coastText));
  });
});
