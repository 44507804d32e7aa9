import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, test } from 'vitest';
import { distanceM } from '../../core/geo/index.js';
import { evaluateAssignments, optimalAllocation, parallelSweep } from '../../core/search/index.js';
import { parseTime } from '../../core/time/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { findRepoRoot } from '../../io/project_files.js';
import { datumAt, loadPlanCase, parsePlanFile, planCaseFromFile, runPlan } from './index.js';
import { forcingPathsFrom } from '../case_file/index.js';
import { runCli } from '../../test_support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sarbridge-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const objects = loadLeewayTable();

/** A small valid plan (constant forcing, no coastline); `extra` lines replace the units block. */
function planText(units?: string, extra = ''): string {
  return `title: test plan
timeStepMin: 15
outputEverySteps: 2
particles: 1500
seed: 3
forcing:
  wind: [{ constant: { speedMps: 8, fromDeg: 270 } }]
  current: [{ constant: { speedMps: 0.2, towardDeg: 0 } }]
coastline: none
scenarios:
  - { name: raft, weight: 1, object: LIFE-RAFT-DB-10, position: '38 30N 132 30E', time: '2026-03-12T00:00Z', radiusNm: 2 }
planningTime: '2026-03-12T06:00Z'
${units ?? `units:
  - { id: SHIP-1, party: A, speedKn: 12, enduranceH: 3, arrival: '2026-03-12T06:00Z', patterns: [PS, CS], sweepWidthNm: 2, startPosition: '38 20N 132 30E' }
  - { id: HELO-1, party: B, speedKn: 90, enduranceH: 1.5, arrival: '2026-03-12T06:30Z', patterns: [PS], sweepWidthNm: 1 }`}
${extra}`;
}

const run = runCli;

describe('sarbridge plan', () => {
  test('with --agreement, the Liancourt exercise plan gets the rules\' findings in the reader\'s names', async () => {
    const root = findRepoRoot();
    const args = ['plan', join(root, 'examples/plans/liancourt-joint-sarex.yaml'), '--particles', '600', '--workers', '1', '--out', join(dir, 'sarex'),
      '--agreement', join(root, 'examples/cooperation/korea-japan.yaml')];
    const kr = await run(...args, '--party', 'KR');
    expect(kr.code).toBe(4);   // plan written; notifications await acknowledgement
    // the units search within 12 NM of the islets: each party must notify the other's RCC (rule R3)
    expect(kr.out).toMatch(/\[rule R3\] KR illustrative ship \(South Korea\) passes [\d.]+ NM from Dokdo/);
    expect(kr.out).toMatch(/\[rule R3\] a unit of Japan passes/);       // JP units are position-only for KR
    expect(kr.out).toMatch(/Plan may NOT be issued: \d+ notification\(s\) lack an acknowledgement\./);
    // rule R3's 6 h lead time falls before the person went overboard (02:00Z = 11:00 in Seoul): OVERDUE
    expect(kr.out).toMatch(/\[rule R3\] KR illustrative ship .* Notify .* at once: OVERDUE, it was due by .* \(6 h before\), before the incident began at 2026-03-11 11:00 Asia\/Seoul/);
    expect(kr.out).toMatch(/notification R3\/kr-ship-1\/place:liancourt\/jp-rcc \(to JP\): NOT acknowledged; notify at once: OVERDUE/);
    expect(kr.out).not.toMatch(/Takeshima/);
    expect(kr.out).not.toMatch(/CAUTION/);   // the optimiser keeps every unit off the islets
    const jp = await run(...args, '--party', 'JP');
    expect(jp.out).toMatch(/from Takeshima/);
    expect(jp.out).not.toMatch(/Dokdo/);
  });

  test('plans the six-unit example: prints every unit (sent, or held in reserve) and both POS, writes exports that parse', async () => {
    const out = join(dir, 'six');
    const example = join(findRepoRoot(), 'examples/plans/constant-forcing-six-units.yaml');
    const r = await run('plan', example, '--particles', '1500', '--workers', '1', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // near saturation (six units, POS about 95 %) the units adding least may be held in reserve: under a point in all
    const all = ['SHIP-1', 'SHIP-2', 'SHIP-3', 'SHIP-4', 'HELO-1', 'HELO-2'];
    const held = all.filter((id) => new RegExp(`${id} \\((A|B)\\)\\s+HOLD: no useful area, kept in reserve`).test(r.out));
    const sent = all.filter((id) => !held.includes(id));
    for (const id of sent) expect(r.out).toMatch(new RegExp(`${id} \\((A|B)\\)\\s+(PS|CS|SS)\\s+\\d\\d°\\d\\d\\.\\d\\d'N 1\\d\\d°\\d\\d\\.\\d\\d'E`));
    // the plan is the better of the optimiser's layout and the IAMSAR baseline, and says which
    const total = /Total POS: ([\d.]+) %, the (optimiser's layout|IAMSAR baseline's layout)/.exec(r.out)!;
    const baseline = Number(/IAMSAR baseline \(ideal search conditions: .*optimal search factor \d\.\d\d.*strips by effort\): ([\d.]+) %/.exec(r.out)![1]);
    const own = Number(/Optimiser's own layout: ([\d.]+) %/.exec(r.out)![1]);
    if (held.length === 0) expect(Number(total[1])).toBe(Math.max(baseline, own));
    else {
      expect(total[2]).toBe('optimiser\'s layout');
      expect(Number(total[1])).toBeGreaterThanOrEqual(baseline);
      expect(own - Number(total[1])).toBeLessThan(1.05);   // printed to 0.1 point
    }
    expect(total[2]).toBe(own >= baseline ? 'optimiser\'s layout' : 'IAMSAR baseline\'s layout');

    const files = readdirSync(out).sort();
    // an RTZ route for each ship only (ECDIS), none for the helicopters; the plan message for a radio
    expect(files).toEqual([...sent.filter((id) => id.startsWith('SHIP')).map((id) => `${id}.rtz`), 'plan-for-rules.json', 'plan-message.txt', 'plan.geojson', 'plan.gpx', 'plan.kml']);
    const geojson = JSON.parse(readFileSync(join(out, 'plan.geojson'), 'utf8'));
    const areas = geojson.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'area');
    expect(areas).toHaveLength(sent.length);
    for (const a of areas) {
      const ring = a.geometry.coordinates[0];
      expect(ring).toHaveLength(5);
      expect(ring[4]).toEqual(ring[0]);
      // RFC 7946: exterior rings counter-clockwise (shoelace sum > 0 with x = lon, y = lat)
      let twiceArea = 0;
      for (let k = 0; k < 4; k++) twiceArea += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
      expect(twiceArea).toBeGreaterThan(0);
    }
    expect(geojson.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'route')).toHaveLength(sent.length);
    const xml = new XMLParser({ ignoreAttributes: false });
    for (const f of files.filter((name) => /\.(gpx|kml|rtz)$/.test(name))) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(XMLValidator.validate(text)).toBe(true);
      expect(xml.parse(text)).toBeTruthy();
    }
    const gpx = xml.parse(readFileSync(join(out, 'plan.gpx'), 'utf8'));
    expect(gpx.gpx.rte).toHaveLength(sent.length);
    const rules = JSON.parse(readFileSync(join(out, 'plan-for-rules.json'), 'utf8'));
    expect(rules.units.map((u: { unitId: string }) => u.unitId)).toEqual(sent);
    // each route starts at its unit's arrival (the example's figures)
    const arrival: Record<string, string> = { 'SHIP-1': '12:00', 'SHIP-2': '12:00', 'SHIP-3': '13:00', 'SHIP-4': '12:30', 'HELO-1': '13:00', 'HELO-2': '14:00' };
    expect(rules.units[0].party).toBe(sent[0] === 'SHIP-3' || sent[0] === 'SHIP-4' ? 'B' : 'A');
    expect(rules.units[0].waypoints[0]).toEqual({ lonDeg: expect.any(Number), latDeg: expect.any(Number), timeS: parseTime(`2026-03-12T${arrival[sent[0]]}Z`) });
    expect(rules.datumTrack.length).toBeGreaterThan(10);
  }, 30_000);

  test('--previous: a re-plan keeps the areas issued before while nothing is better beyond the noise, and says so', async () => {
    const file = join(dir, 'replan.yaml');
    writeFileSync(file, planText());
    const first = await run('plan', file, '--workers', '1', '--json', '--out', join(dir, 'replan-1'));
    expect(first.code).toBe(0);
    const summary = join(dir, 'replan-1.json');
    writeFileSync(summary, first.out);
    const issued = JSON.parse(first.out) as { previous: unknown; units: { unitId: string; area: { centre: { lonDeg: number; latDeg: number } } }[] };
    expect(issued.previous).toBeNull();
    // the same particles again, from the summary and from plan.geojson: the areas issued are the best there is, kept
    for (const previous of [summary, join(dir, 'replan-1', 'plan.geojson')]) {
      const again = await run('plan', file, '--workers', '1', '--json', '--previous', previous, '--out', join(dir, 'replan-2'));
      expect(again.code).toBe(0);
      const r = JSON.parse(again.out) as typeof issued & { previous: { kept: boolean; note: string } };
      expect(r.previous.kept).toBe(true);
      expect(r.previous.note).toMatch(/^previous areas kept: /);
      for (const u of r.units) {
        const before = issued.units.find((x) => x.unitId === u.unitId)!;
        expect(distanceM(u.area.centre.lonDeg, u.area.centre.latDeg, before.area.centre.lonDeg, before.area.centre.latDeg)).toBeLessThan(1);
      }
    }
    const report = await run('plan', file, '--workers', '1', '--previous', summary, '--out', join(dir, 'replan-3'));
    expect(report.out).toMatch(/Re-plan: previous areas kept: [\d.]+ % here, within the particles' noise of the best layout found/);
    // a previous plan that is not one (the plan file itself: its units have ids, no areas): refused before the drift, naming the file and field
    const bad = await run('plan', file, '--previous', file, '--out', join(dir, 'replan-4'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/replan\.yaml: units\/0\/unitId: is required but missing; units\/0\/area: is required but missing/);
  }, 60_000);

  test('a bad plan file exits 1 naming the file and the field', async () => {
    const file = join(dir, 'bad-speed.yaml');
    writeFileSync(file, planText().replace('speedKn: 12', 'speedKn: -12'));
    const r = await run('plan', file, '--out', join(dir, 'bad'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad-speed\.yaml: units\/0\/speedKn: Expected number to be greater than 0 \(got -12\)/);
  });
});

describe('parsePlanFile / planCaseFromFile', () => {
  const load = (text: string) => planCaseFromFile(parsePlanFile(text, 'p.yaml'), objects, forcingPathsFrom(dir), 'p.yaml');
  test('a plan without units is refused', () => {
    expect(() => load(planText(''))).toThrow(/p\.yaml: units: is required but missing/);
  });
  test('an unknown pattern is refused with its place', () => {
    expect(() => load(planText().replace('patterns: [PS, CS]', 'patterns: [PS, ZZ]')))
      .toThrow(/p\.yaml: units\/0\/patterns\/1: must be one of 'PS', 'CS', 'SS', 'VS', 'TSN', 'TSR' \(got "ZZ"\)/);
  });
  test('a sweep width that is neither a positive number nor a table says which of the two it got wrong', () => {
    expect(() => load(planText().replace('sweepWidthNm: 2,', 'sweepWidthNm: 0,'))).toThrow(/p\.yaml: units\/0\/sweepWidthNm: Expected number to be greater than 0 \(got 0\)/);
    expect(() => load(planText().replace('sweepWidthNm: 2,', 'sweepWidthNm: { PIW-1: -1 },'))).toThrow(/p\.yaml: units\/0\/sweepWidthNm\/PIW-1: Expected number to be greater than 0 \(got -1\)/);
    expect(() => load(planText().replace('sweepWidthNm: 2,', 'sweepWidthNm: two,'))).toThrow(/p\.yaml: units\/0\/sweepWidthNm: expected manual sweep width, NM: one number .* \(got "two"\)/);
  });
  test('a position that cannot be read names the unit field', () => {
    expect(() => load(planText().replace("startPosition: '38 20N 132 30E'", "startPosition: '98 20N 132 30E'"))).toThrow(/p\.yaml: units\/0\/startPosition/);
  });
  test('a unit with only a track-line pattern is refused', () => {
    expect(() => load(planText().replace('patterns: [PS, CS]', 'patterns: [TSR]'))).toThrow(/p\.yaml: units\/0\/patterns: .*no area pattern/);
  });
  test('a misspelt top-level key is refused', () => {
    expect(() => load(planText(undefined, 'searchDone: []'))).toThrow(/p\.yaml: searchDone: unknown key; did you mean 'searchesDone'\?/);
  });
  test('a table sweep width needs the weather', () => {
    expect(() => load(planText().replace('sweepWidthNm: 2,', "platform: { kind: vessel, eyeHeightFt: 14 },"))).toThrow(/p\.yaml: weather: unit SHIP-1/);
  });
  test('a unit the tables say cannot see the object is refused by name, not as a sweep width of 0', () => {
    // IAMSAR's helicopter table at 1,500 ft gives a person in the water 0.0 NM below 10 NM of visibility
    const text = planText().replace('LIFE-RAFT-DB-10', 'PIW-1').replace('sweepWidthNm: 1 }', "platform: { kind: helicopter, altitudeFt: 1500 } }") +
      'weather: { visibilityNm: 1, windKn: 10, seaHeightM: 0.5 }\n';
    expect(() => load(text)).toThrow(/p\.yaml: units\/1\/platform: unit HELO-1 cannot see PIW-1 \('Person in Water'\) in these conditions: the sweep-width table Helicopter-1500ft\S* gives 0 NM at 1 NM visibility\. Fly it lower/);
    expect(load(text.replace('visibilityNm: 1,', 'visibilityNm: 10,')).units[1].sweepWidthNm).toBeGreaterThan(0);
  });
  test('the drift runs to the end of the last search unless told, and a too-short duration is refused', () => {
    const c = load(planText());
    // from 00:00 (the scenario's time) to 09:00 (SHIP-1: 06:00 + 3 h; HELO-1 ends at 08:00) = 9 h
    expect(c.drift.request.durationS).toBe(9 * 3600);
    expect(() => load(`durationH: 5\n${planText()}`)).toThrow(/p\.yaml: durationH: 5 h ends before the last search does; give at least 9\.0 h/);
  });
  test('sweep width from the tables, for the most probable scenario\'s object', () => {
    const c = load(planText().replace('sweepWidthNm: 2,', "platform: { kind: vessel, eyeHeightFt: 14 },") + 'weather: { visibilityNm: 10, windKn: 10, seaHeightM: 0.5 }\n');
    expect(c.units[0].sweepWidthSource).toMatch(/^table: LIFE-RAFT-DB-10/);
    expect(c.units[0].sweepWidthNm).toBeGreaterThan(1);
  });
  test('craft, clearance and turn radius: defaults from the platform and speed, or as the unit gives them', () => {
    const c = load(planText());
    // no platform, no craft: a ship (the most careful default), 1 NM off land, a rate-one turn at its speed
    expect(c.units[0]).toMatchObject({ craft: 'ship' });
    expect(c.units[0].clearanceNm).toBeUndefined();
    expect(c.units[0].turnRadiusNm).toBeCloseTo(12 / 188.4956, 6);
    const helo = load(planText().replace("patterns: [PS], sweepWidthNm: 1 }", "patterns: [PS], sweepWidthNm: 1, craft: helicopter, clearanceNm: 0, turnRadiusNm: 0.3 }"));
    expect(helo.units[1]).toMatchObject({ craft: 'helicopter', clearanceNm: 0, turnRadiusNm: 0.3 });
    const fromPlatform = load(planText().replace('sweepWidthNm: 1 }', "platform: { kind: helicopter, altitudeFt: 500 } }") + 'weather: { visibilityNm: 10, windKn: 10, seaHeightM: 0.5 }\n');
    expect(fromPlatform.units[1].craft).toBe('helicopter');
    expect(() => load(planText().replace('sweepWidthNm: 1 }', 'sweepWidthNm: 1, clearanceNm: -1 }'))).toThrow(/p\.yaml: units\/1\/clearanceNm/);
    expect(() => load(planText().replace('sweepWidthNm: 1 }', 'sweepWidthNm: 1, craft: submarine }'))).toThrow(/p\.yaml: units\/1\/craft/);
  });
});

describe('runPlan', () => {
  test('a search done without finding the object moves the datum away from where it searched', async () => {
    const text = planText();
    const first = await runPlan(planCaseFromFile(parsePlanFile(text, 'p.yaml'), objects, forcingPathsFrom(dir), 'p.yaml'), { workers: 1 });
    const snaps = first.drift.result.snapshots;
    // a parallel sweep 03:00-06:00 over a 6 x 6 NM box centred 3 NM east of the datum at 04:30
    const d = datumAt(snaps, parseTime('2026-03-12T04:30Z'), first.particles);
    const centre = { lonDeg: d.lonDeg + 3 / (60 * Math.cos((d.latDeg * Math.PI) / 180)), latDeg: d.latDeg };
    const route = parallelSweep({ area: { centre, lengthNm: 6, widthNm: 6, orientationDeg: 0 }, trackSpacingNm: 1, turn: 'right', unit: { speedKn: 14, startTimeS: parseTime('2026-03-12T03:00Z'), enduranceH: 3 } });
    const track = route.waypoints.map((w) => `      - { position: '${w.latDeg.toFixed(5)} ${w.lonDeg.toFixed(5)}', time: '${new Date(w.timeS * 1000).toISOString().slice(0, 19)}Z' }`).join('\n');
    const second = await runPlan(planCaseFromFile(parsePlanFile(text + `searchesDone:\n  - unit: EARLIER-SHIP\n    sweepWidthNm: 2\n    track:\n${track}\n`, 'p.yaml'), objects, forcingPathsFrom(dir), 'p.yaml'), { workers: 1 });
    const u = second.update!;
    expect(u.pos).toBeGreaterThan(0.1);
    // the datum at the planning time moves west, away from the searched box (east of it)
    expect(u.datumAfter.lonDeg).toBeLessThan(u.datumBefore.lonDeg - 0.005);
    const away = (p: { lonDeg: number; latDeg: number }) => distanceM(p.lonDeg, p.latDeg, centre.lonDeg, centre.latDeg);
    expect(away(u.datumAfter)).toBeGreaterThan(away(u.datumBefore));
    // the next plan is made on the posterior weights (sum 1, the searched particles lighter)
    expect(second.particles.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(second.datumAtPlanning.lonDeg).toBeCloseTo(u.datumAfter.lonDeg, 9);
    // re-planning on the posterior, with the first plan's areas among its starts, beats sending the
    // units to those areas again (without that start the search may end in another basin: 92.5 %
    // against 93.6 % for the old areas here, with the helicopter's legs interleaved)
    const snapshotsAgain = second.drift.result.snapshots;
    const oldAreasNow = evaluateAssignments(second.particles, snapshotsAgain, first.optimal.assignments);
    const again = optimalAllocation(second.particles, snapshotsAgain, second.planCase.units,
      { startAreas: [first.optimal.assignments.map((a) => a.area)], baseline: second.baseline, law: second.planCase.law });
    expect(again.pos).toBeGreaterThan(oldAreasNow.pos);
    expect(second.optimal.pos).toBeGreaterThan(oldAreasNow.pos - 0.02);
  }, 30_000);
});

describe('loadPlanCase', () => {
  test('names the file it cannot read', () => {
    expect(() => loadPlanCase(join(dir, 'missing.yaml'), objects)).toThrow(/missing\.yaml: cannot read the plan file/);
  });
});
