// A plan file's searchesDone may name the unit's recorded track (GPX or NMEA) instead of listing it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { loadPlanCase, parsePlanFile, planCaseFromFile } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'sarbridge-plan-track-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const objects = loadLeewayTable();

const planText = (searchDone: string): string => `timeStepMin: 15
particles: 200
seed: 3
forcing:
  wind: [{ constant: { speedMps: 8, fromDeg: 270 } }]
  current: [{ constant: { speedMps: 0.2, towardDeg: 0 } }]
coastline: none
scenarios:
  - { name: raft, weight: 1, object: LIFE-RAFT-DB-10, position: '38 30N 132 30E', time: '2026-03-12T00:00Z', radiusNm: 2 }
planningTime: '2026-03-12T06:00Z'
units:
  - { id: SHIP-1, speedKn: 12, enduranceH: 3, arrival: '2026-03-12T06:00Z', patterns: [PS], sweepWidthNm: 2 }
searchesDone:
  - { unit: EARLIER-SHIP, sweepWidthNm: 2, ${searchDone} }
`;

function load(searchDone: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'p.yaml'), planText(searchDone));
  return loadPlanCase(join(dir, 'p.yaml'), objects);
}

const gga = (t: string, lat: string): string => `$GNGGA,${t},${lat},N,13230.000,E,1,08,0.9,10,M,20,M,,`;
const nmea = [gga('030000', '3825.000'), gga('030500', '3826.000'), gga('031000', '3827.000')].join('\n');
const pt = (lat: number, time: string) => `<trkpt lat="${lat}" lon="132.5"><time>${time}</time></trkpt>`;
const gpx = `<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk>
<trkseg>${pt(38.4, '2026-03-12T03:00:00Z')}${pt(38.42, '2026-03-12T03:10:00Z')}</trkseg>
<trkseg>${pt(38.5, '2026-03-12T04:00:00Z')}${pt(38.52, '2026-03-12T04:10:00Z')}</trkseg></trk></gpx>`;

describe('searchesDone trackFile', () => {
  test('an NMEA log with its date is read relative to the plan file', () => {
    const c = load("trackFile: ship.nmea, trackDate: '2026-03-12'", { 'ship.nmea': nmea });
    expect(c.searchesDone).toHaveLength(1);
    expect(c.searchesDone[0].waypoints.map((w) => w.timeS)).toEqual([0, 300, 600].map((s) => Date.UTC(2026, 2, 12, 3) / 1000 + s));
    expect(c.searchesDone[0].waypoints[1].latDeg).toBeCloseTo(38 + 26 / 60, 9);
    expect(c.searchesDone[0].sweepWidthNm).toBe(2);
  });
  test('a GPX of two segments gives two searches by the unit', () => {
    const c = load('trackFile: ship.gpx', { 'ship.gpx': gpx });
    expect(c.searchesDone.map((s) => [s.unitId, s.waypoints.length])).toEqual([['EARLIER-SHIP', 2], ['EARLIER-SHIP', 2]]);
  });
  test('a bad line in the track file is refused with the file and the line', () => {
    expect(() => load("trackFile: bad.nmea, trackDate: '2026-03-12'", { 'bad.nmea': `${nmea}\n${gga('031500', '38x7.000')}` }))
      .toThrow("bad.nmea: line 4: GGA latitude '38x7.000' is not ddmm.mmm");
  });
  test('a missing track file, both track and trackFile, and trackDate alone are refused', () => {
    expect(() => load('trackFile: nowhere.gpx', {})).toThrow(/nowhere\.gpx: cannot read the track file named in .*p\.yaml/);
    expect(() => load("trackFile: ship.gpx, track: [{ position: '38 30N 132 30E', time: '2026-03-12T03:00Z' }, { position: '38 31N 132 30E', time: '2026-03-12T03:10Z' }]", { 'ship.gpx': gpx }))
      .toThrow(/p\.yaml: searchesDone\/0: give either track .* or trackFile .*, not both/);
    expect(() => load('speedKn: 12', {})).toThrow(/searchesDone\/0: give either track .* one of them/);
    expect(() => load("track: [{ position: '38 30N 132 30E', time: '2026-03-12T03:00Z' }, { position: '38 31N 132 30E', time: '2026-03-12T03:10Z' }], trackDate: '2026-03-12'", {}))
      .toThrow(/searchesDone\/0\/trackDate: only with trackFile/);
  });
  test('without file access (the browser, the server\'s planning inputs) a trackFile is refused', () => {
    expect(() => planCaseFromFile(parsePlanFile(planText('trackFile: ship.gpx'), 'inputs'), objects, null, 'inputs'))
      .toThrow("inputs: searchesDone/0/trackFile: 'ship.gpx': track files are read from the command line only");
  });
});
