import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeNetcdf3 } from '../../io/netcdf/test/netcdf3_writer.js';
import { runCli } from '../../test_support/cli.js';
import { COMMANDS } from './commands.js';

const dir = mkdtempSync(join(tmpdir(), 'sarbridge-cli-'));

const run = runCli;


describe('sarbridge --help', () => {
  test.each([
    [[]], [['objects']], [['drift']], [['plan']], [['serve']], [['admin']], [['admin', 'create']],
    [['cooperation']], [['cooperation', 'validate']], [['cooperation', 'findings']], [['cooperation', 'timeline']], [['cooperation', 'report']], [['exercise']], [['exercise', 'simulate']],
  ])('every command explains itself: %j', async (command) => {
    const { code, out } = await run(...command, '--help');
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`Usage: sarbridge${command.length ? ' ' + command.join(' ') : ''}`));
  });
});

describe('sarbridge --help, with each command loaded only when it runs', () => {
  test('lists every command with its description', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(COMMANDS.map((c) => c.name)).toEqual(['objects', 'drift', 'serve', 'admin', 'plan', 'cooperation', 'exercise']);
    for (const command of COMMANDS) expect(out).toMatch(new RegExp(`^  ${command.name}\\b.*${command.description.slice(0, 30).replace(/[()]/g, '\\$&')}`, 'm'));
  });

  test('each loaded command is the one listed, and `help <command>` loads it', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name()).toBe(entry.name);
      expect(command.description()).toBe(entry.description);
    }
    const { code, out } = await run('help', 'drift');
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: sarbridge drift \[options\]/);
    expect(out).toMatch(/--move-off-land-m/);
  });

  test('an unknown command is a usage error that names it', async () => {
    const { code, err } = await run('drfit');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command 'drfit'/);
  });
});

describe('sarbridge objects', () => {
  test('lists all 85 classes, and filters by words', async () => {
    expect((await run('objects')).out).toMatch(/85 of 85 classes/);
    const raft = await run('objects', 'survival', 'suit');
    expect(raft.out).toMatch(/PIW-4 /);
    expect(raft.out).not.toMatch(/LIFE-RAFT/);
  });
});

describe('sarbridge drift', () => {
  test('drifts from a position in degrees-minutes with constant forcing and writes GeoJSON', async () => {
    const outFile = join(dir, 'raft.geojson');
    const { code, out, err } = await run('drift', '--position', '37 14.4N 131 30.0E', '--time', '100600Z MAR 26',
      '--object', 'LIFE-RAFT-DB-10', '--wind-constant', '10@270', '--current-constant', '0.2@0',
      '--duration-h', '6', '--particles', '500', '--coastline', 'none', '--out', outFile, '--workers', '1');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/Leeway drift, forward, from 2026-03-10T06:00Z for 6 h; step 10 min; 500 particles, seed 1/);
    expect(out).toMatch(/2026-03-10T12:00Z/);
    const geojson = JSON.parse(readFileSync(outFile, 'utf8'));
    expect(geojson.features).toHaveLength(500 * 7);
    // 6 h toward the east at ~0.33 m/s (downwind leeway of LIFE-RAFT-DB-10 in 10 m/s) ≈ 7.1 km ≈ 0.08° at 37.24N
    const last = geojson.features.slice(-500).map((f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates[0]);
    const meanLon = last.reduce((a: number, b: number) => a + b, 0) / last.length;
    expect(meanLon - 131.5).toBeGreaterThan(0.07);
    expect(meanLon - 131.5).toBeLessThan(0.09);
  });

  test('particles seeded on land are moved to the nearest water and the summary says how many', async () => {
    // Seonginbong, the summit of Ulleungdo, 1 NM error: most particles start on the island
    const { code, out } = await run('drift', '--position', '37 30.0N 130 52.0E', '--time', '2026-03-10T06:00Z', '--radius-nm', '1',
      '--wind-constant', '5@0', '--current-constant', '0@0', '--duration-h', '1', '--particles', '400', '--coastline', 'bundled',
      '--out', join(dir, 'ulleungdo.geojson'), '--workers', '1');
    expect(code).toBe(0);
    expect(out).toMatch(/seeded on land: \d{3} particles moved to the nearest water \(at most [0-4]\.\d\d km; allowed 5\.0 km, --move-off-land-m\)/);
    const json = JSON.parse((await run('drift', '--position', '37 30.0N 130 52.0E', '--time', '2026-03-10T06:00Z', '--radius-nm', '1',
      '--wind-constant', '5@0', '--current-constant', '0@0', '--duration-h', '1', '--particles', '400', '--coastline', 'bundled',
      '--move-off-land-m', '0', '--out', join(dir, 'ulleungdo.geojson'), '--workers', '1', '--json')).out);
    expect(json.movedOffLand).toEqual({ count: 0, maxMoveM: 0 });
    expect(json.request.seedOnLandMaxMoveM).toBe(0);
    expect(json.summaries[0].counts.stranded).toBeGreaterThan(100);
  });

  test('a position far inland is refused, saying where and what to check', async () => {
    const { code, err } = await run('drift', '--position', '37 30N 128 30E', '--time', '2026-03-10T06:00Z',
      '--wind-constant', '5@0', '--current-constant', '0@0', '--coastline', 'bundled', '--out', join(dir, 'inland.geojson'));
    expect(code).toBe(1);
    expect(err).toMatch(/scenarios\[0\]\.seeding: all 5000 particles of scenario 'PIW-1' are seeded on land .*none within 5 km of water .*check the position .*\[SARB_INVALID_INPUT\]/);
  });

  test('an LKP outside the coastline\'s extent (central Seoul, west of the bundled 127E) is warned of, before the table and at the end', async () => {
    const { code, out } = await run('drift', '--position', '37 34N 126 59E', '--time', '2026-03-10T06:00Z', '--wind-constant', '5@270',
      '--current-constant', '0@0', '--duration-h', '1', '--particles', '200', '--out', join(dir, 'seoul.geojson'), '--workers', '1');
    expect(code).toBe(0);
    const warning = /scenario 'PIW-1': the position 37°34\.00'N 126°59\.00'E lies outside the coastline's extent \(GSHHG f [\d.]+, 127-135E 33-41N\): particles there never strand/;
    expect(out).toMatch(new RegExp(`WARNING: ${warning.source}[\\s\\S]*time \\(UTC\\)[\\s\\S]*1 WARNING \\(also above\\)[\\s\\S]*- ${warning.source}`));
    const json = JSON.parse((await run('drift', '--position', '37 34N 126 59E', '--time', '2026-03-10T06:00Z', '--wind-constant', '5@270',
      '--current-constant', '0@0', '--duration-h', '1', '--particles', '200', '--out', join(dir, 'seoul.geojson'), '--workers', '1', '--json')).out);
    expect(json.warnings).toHaveLength(1);
    expect(json.warnings[0]).toMatch(warning);
  });

  test('an LKP on land within reach of the water is warned of (Seonginbong, Ulleungdo), one in the sea is not', async () => {
    const args = ['--time', '2026-03-10T06:00Z', '--wind-constant', '5@0', '--current-constant', '0@0', '--duration-h', '1', '--particles', '200',
      '--out', join(dir, 'ulleungdo.geojson'), '--workers', '1', '--json'];
    const onLand = JSON.parse((await run('drift', '--position', '37 30.0N 130 52.0E', ...args)).out);
    expect(onLand.warnings).toEqual([expect.stringMatching(/the position 37°30\.00'N 130°52\.00'E is on land \(GSHHG.*\): check it/)]);
    const atSea = JSON.parse((await run('drift', '--position', '37 30.0N 131 30.0E', ...args)).out);
    expect(atSea.warnings).toEqual([]);
  });

  test('implausible currents in a file are left out and the warning is repeated at the end of the run', async () => {
    const file = join(dir, 'absurd-currents.nc');
    writeFileSync(file, writeNetcdf3({ time: 2, lat: 2, lon: 3 }, [
      { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'hours since 2024-01-01' }, data: [0, 2] },
      { name: 'lat', dims: ['lat'], type: 'double', attrs: { units: 'degrees_north' }, data: [37, 38] },
      { name: 'lon', dims: ['lon'], type: 'double', attrs: { units: 'degrees_east' }, data: [131, 132, 133] },
      { name: 'uo', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'eastward_sea_water_velocity' }, data: [0.2, 0.2, 0.2, 0.2, 0.2, 300, 0.2, 0.2, 0.2, 0.2, 0.2, 1000] },
      { name: 'vo', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'northward_sea_water_velocity' }, data: new Array(12).fill(0) },
    ]));
    const { code, out } = await run('drift', '--position', '37 30N 132 00E', '--time', '2024-01-01T00:00Z', '--wind-constant', '5@270',
      '--current', file, '--current-constant', '0@0', '--duration-h', '1', '--particles', '100', '--coastline', 'none', '--out', join(dir, 'absurd.geojson'), '--workers', '1');
    expect(code).toBe(0);
    const tail = out.slice(out.lastIndexOf('Wrote '));
    expect(tail).toMatch(/1 WARNING \(also above\)[\s\S]*- absurd-currents\.nc: 2 of 12 current values \(uo\/vo\) are faster than 10 m\/s \(up to 1000 m\/s\)/);
  });

  test('the demo case runs on the bundled synthetic forcing and says it is synthetic', async () => {
    const { code, out } = await run('drift', '--demo', '--particles', '300', '--duration-h', '3', '--out', join(dir, 'demo.geojson'), '--workers', '1');
    expect(code).toBe(0);
    expect(out).toMatch(/SYNTHETIC forcing/);
    expect(out).toMatch(/east-sea-wind\.nc/);
    expect(out).toMatch(/GSHHG/);
  });

  test('an impossible coordinate is refused with the option named', async () => {
    const { code, err } = await run('drift', '--position', '97 00N 131 00E', '--time', '2026-03-10T06:00Z', '--wind-constant', '1@0', '--current-constant', '0@0');
    expect(code).toBe(1);
    expect(err).toMatch(/--position: latitude 97 is not between -90 and 90 degrees \[SARB_INVALID_INPUT\]/);
  });

  test('a start outside the forcing file names the file and both time spans', async () => {
    const { code, err } = await run('drift', '--demo', '--position', '37 10N 131 40E', '--time', '2026-03-09T06:00Z', '--workers', '1');
    expect(code).toBe(1);
    expect(err).toMatch(/wind: the run needs 2026-03-09T06:00Z to 2026-03-10T06:00Z, but east-sea-wind\.nc .* covers 2026-03-10T00:00Z to 2026-03-14T00:00Z \[SARB_TIME_NOT_COVERED\]/);
  });

  test('a GeoJSON too large to be useful is refused before the run, with what to do instead', async () => {
    const { code, err } = await run('drift', '--demo', '--particles', '200000');
    expect(code).toBe(1);
    expect(err).toMatch(/--geojson-times: 200000 particles × 25 output times make 5000000 GeoJSON points \(about [\d.]+ GB\); write only the last time/);
  });

  test('times with seconds are reported with their seconds: the start, the track and every output time', async () => {
    // a 30 s step from 06:00:30Z: the table had 06:00Z, 06:01Z, 06:01Z, 06:02Z (to the minute, cut)
    const { code, out } = await run('drift', '--position', '37 30N 131 30E', '--time', '2026-03-10T06:00:30Z', '--wind-constant', '5@0', '--current-constant', '0@0',
      '--step-min', '0.5', '--duration-h', String(1.5 / 60), '--output-every', '1', '--particles', '10', '--coastline', 'none', '--out', join(dir, 'seconds.geojson'), '--workers', '1');
    expect(code).toBe(0);
    expect(out).toMatch(/Leeway drift, forward, from 2026-03-10T06:00:30Z for 0\.025 h; step 0\.5 min/);
    expect([...out.matchAll(/^  (2026-\S+Z) /gm)].map((m) => m[1])).toEqual(['2026-03-10T06:00:30Z', '2026-03-10T06:01Z', '2026-03-10T06:01:30Z', '2026-03-10T06:02Z']);
    const json = await run('drift', '--position', '37 30N 131 30E', '--time', '2026-03-10T06:00:30Z', '--wind-constant', '5@0', '--current-constant', '0@0',
      '--duration-h', '1', '--particles', '10', '--coastline', 'none', '--out', join(dir, 'seconds.geojson'), '--workers', '1', '--json');
    expect(JSON.parse(json.out).request.start).toBe('2026-03-10T06:00:30Z');
  });

  test('a zero step is refused, not run forever', async () => {
    const { code, err } = await run('drift', '--demo', '--step-min', '0');
    expect(code).toBe(1);
    expect(err).toMatch(/--step-min: 0 is not between 0\.01667 and 60 min/);
  });

  test('a setting out of range is refused in the flag and the unit the user typed', async () => {
    const lkp = ['--position', '37 30N 131 30E', '--time', '2026-03-10T06:00Z', '--wind-constant', '5@0', '--current-constant', '0@0'];
    expect((await run('drift', ...lkp, '--duration-h', '-5')).err).toMatch(/^sarbridge: --duration-h: -5 is not between 0\.0002778 and 720 h \[SARB_INVALID_INPUT\]$/);
    expect((await run('drift', ...lkp, '--particles', '2.5')).err).toMatch(/--particles: 2\.5 is not a whole number/);
    expect((await run('drift', ...lkp, '--radius-nm', '-1')).err).toMatch(/--radius-nm: -1 is not between 0 and 500 NM/);
    expect((await run('drift', ...lkp, '--jibe-per-hour', '1')).err).toMatch(/^sarbridge: --jibe-per-hour: 1 is not between 0 and 0\.999 per hour \[SARB_INVALID_INPUT\]$/);
    expect((await run('drift', ...lkp, '--particles', '2000000', '--output-every', '1', '--out', join(dir, 'big.nc'))).err)
      .toMatch(/^sarbridge: --particles: 2000000 particles at 145 output times need \d+ MB, more than the limit/);
  });

  test('--out through a file or onto a folder is one line naming --out, before the run', async () => {
    const lkp = ['--position', '37 30N 131 30E', '--time', '2026-03-10T06:00Z', '--wind-constant', '5@0', '--current-constant', '0@0', '--duration-h', '1', '--particles', '10'];
    writeFileSync(join(dir, 'a-file'), 'x');
    const through = await run('drift', ...lkp, '--out', join(dir, 'a-file', 'drift.geojson'));
    expect(through.code).toBe(1);
    expect(through.err).toMatch(/^sarbridge: --out: cannot make the folder .*a-file for .*drift\.geojson \(a file is in the way where a folder must be, E(EXIST|NOTDIR)\) \[SARB_INVALID_INPUT\]$/);
    expect(through.out).toBe('');   // refused before the drift
    const folder = await run('drift', ...lkp, '--out', dir);
    expect(folder.err).toMatch(/^sarbridge: --out: .* is a folder; give a file name in it/);
    const missing = await run('drift', ...lkp, '--out', join(dir, 'new', 'folder', 'drift.geojson'), '--workers', '1');
    expect(missing.code).toBe(0);   // a missing folder is made, as before
  });

  test('an LKP option with a case file is refused instead of silently ignored', async () => {
    const { code, err } = await run('drift', '--demo', '--object', 'LIFE-RAFT-DB-10');
    expect(code).toBe(1);
    expect(err).toMatch(/--object: applies to the scenario built from --position; with --case or --demo, set it in the case file/);
  });

  test('a missing source for a quantity says how to give one', async () => {
    const { code, err } = await run('drift', '--position', '37 10N 131 40E', '--time', '2026-03-10T06:00Z', '--wind-constant', '10@270');
    expect(code).toBe(1);
    expect(err).toMatch(/no current source: give a file \(--current FILE\) or a constant \(--current-constant\)/);
  });

  test('a malformed case file names the file, the field path and the problem', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'forcing:\n  wind: [{ constant: { speedMps: 10, fromDeg: 270 } }]\n  current: [{ constant: { speedMps: 0, towardDeg: 0 } }]\n' +
      'scenarios:\n  - name: raft\n    weight: 1\n    object: LIFE-RAFT-DB-10\n    position: 37 10N 131 40E\n    time: 2026-03-10T06:00Z\n    radiusNm: -1\n');
    const { code, err } = await run('drift', '--case', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: scenarios/0/radiusNm: Expected number to be greater or equal to 0 (got -1)`);
  });

  test('a file that is not a case at all is quoted short, with its length', async () => {
    const file = join(dir, 'not-a-case.yaml');
    writeFileSync(file, 'x'.repeat(5000));
    const { code, err } = await run('plan', file);
    expect(code).toBe(1);
    expect(err).toMatch(/\(top level\): Expected object \(got "x{58}…" \(5000 characters\)\)/);
    expect(err.length).toBeLessThan(400);
  });

  test.runIf(existsSync('/proc/thread-self/schedstat'))('--timings gives each drift thread its particle-steps on its own CPU', async () => {
    const { code, err } = await run('drift', '--position', '37 10N 131 40E', '--time', '2026-03-10T06:00Z', '--wind-constant', '10@270',
      '--current-constant', '0.2@90', '--particles', '2000', '--duration-h', '2', '--workers', '2', '--timings', '--out', join(dir, 'timed.geojson'));
    expect(code).toBe(0);
    // this thread always drifts; the worker may start after it drifted everything (a loaded machine)
    expect(err).toMatch(/drift thread 1 \(this one\): [^\n]* ms after the process started\n +[\d,]+ particle-steps on \d+ ms of its own CPU \(seeding included\): [\d.]+ ns each, [\d.]+ M\/s; and \d+ ms on summaries/);
    expect(err).toMatch(/drift thread 2 \(a worker\): [^\n]* ms after the process started\n +(?:[\d,]+ particle-steps on \d+ ms of its own CPU|no particle-step)/);
    // the two threads drifted every particle-step between them (2,000 particles, 12 steps)
    const steps = [...err.matchAll(/([\d,]+) particle-steps on/g)].map((m) => Number(m[1].replaceAll(',', '')));
    expect(steps.reduce((a, b) => a + b, 0)).toBe(24_000);
  });

  test('more threads than a process can start is refused, naming the flag', async () => {
    const { code, err } = await run('drift', '--position', '37 10N 131 40E', '--time', '2026-03-10T06:00Z', '--wind-constant', '10@270',
      '--current-constant', '0.2@90', '--workers', '5000');
    expect(code).toBe(1);
    expect(err).toMatch(/--workers: '5000' is not a whole number of threads from 1 to 64 \[SARB_INVALID_INPUT\]/);
  });

  test('a case file with a bad position names its path', async () => {
    const file = join(dir, 'badpos.yaml');
    writeFileSync(file, 'forcing:\n  wind: [{ constant: { speedMps: 10, fromDeg: 270 } }]\n  current: [{ constant: { speedMps: 0, towardDeg: 0 } }]\n' +
      'scenarios:\n  - name: raft\n    weight: 1\n    object: LIFE-RAFT-DB-99\n    position: 37 10N 131 40E\n    time: 2026-03-10T06:00Z\n');
    const { err } = await run('drift', '--case', file);
    expect(err).toContain(`${file}: scenarios/0/object: unknown Leeway object class 'LIFE-RAFT-DB-99'`);
  });

  test('invalid YAML gives the line', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'scenarios:\n  - name: [unclosed\n');
    const { code, err } = await run('drift', '--case', file);
    expect(code).toBe(1);
    expect(err).toMatch(/broken\.yaml: not valid YAML at line \d/);
  });
});
