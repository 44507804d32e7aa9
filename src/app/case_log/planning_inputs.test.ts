import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { SqliteStore } from '../../io/storage/index.js';
import { CaseLog } from './case_log.js';
import type { Actor } from './roles.js';

const kim: Actor = { userName: 'kim', party: 'KR', roles: ['smc'] };
const sato: Actor = { userName: 'sato', party: 'JP', roles: ['smc'] };
const park: Actor = { userName: 'park', party: 'KR', roles: ['osc'] };
const SHA = 'ab'.repeat(32);

/** Small planning inputs as the page sends them: a plan file as JSON. */
const inputs = (changes: Record<string, unknown> = {}) => ({
  title: 'raft west of the rocks', particles: 500, seed: 7, durationH: 12, coastline: 'bundled',
  forcing: { wind: [{ file: 'demo:east-sea-wind.nc' }], current: [{ file: 'demo:east-sea-currents.nc' }, { constant: { speedMps: 0, towardDeg: 0 } }] },
  scenarios: [{ name: 'raft', weight: 1, object: 'LIFE-RAFT-DB-10', position: '37.2333 131.25', time: '2026-03-10T06:00Z', radiusNm: 1 }],
  planningTime: '2026-03-10T09:00Z',
  units: [{ id: 'kr-ship-1', party: 'KR', speedKn: 12, enduranceH: 6, arrival: '2026-03-10T09:00Z', patterns: ['PS'], sweepWidthNm: 2 }],
  ...changes,
});

async function caseLog(uploaded: string[] = []) {
  const log = new CaseLog(new SqliteStore(':memory:'), () => new Date('2026-03-10T08:00:00Z'), null, async (sha) => (uploaded.includes(sha) ? 'uploaded' : 'unknown'));
  await log.open(kim, { kind: 'case', title: 'Raft', parties: ['KR', 'JP'] }, 'c');
  return log;
}
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
};

describe('planningInputs events', () => {
  test('are kept in the log; the picture holds the newest', async () => {
    const log = await caseLog([SHA]);
    await log.append(kim, 'c', { type: 'planningInputs', basedOnVersion: 1, payload: { inputs: inputs() } });
    const second = inputs({ particles: 1000, forcing: { wind: [{ file: `upload:${SHA}` }], current: [{ file: 'demo:east-sea-currents.nc' }] } });
    await log.append(kim, 'c', { type: 'planningInputs', basedOnVersion: 2, payload: { inputs: second } });
    const state = await log.state(sato, 'c');
    expect(state.planningInputs).toMatchObject({ version: 3, party: 'KR', author: 'kim', inputs: second });
    expect((await log.events(sato, 'c')).filter((e) => 'type' in e && e.type === 'planningInputs')).toHaveLength(2);
  });
  test('a forcing file must be a demo file or an upload the server holds', async () => {
    const log = await caseLog();
    const path = await refusal(log.append(kim, 'c', { type: 'planningInputs', basedOnVersion: 1, payload: { inputs: inputs({ forcing: { wind: [{ constant: { speedMps: 5, fromDeg: 0 } }], current: [{ file: '/etc/passwd' }] } }) } }));
    expect(path.field).toBe('payload/inputs/forcing/current/0/file');
    expect(path.message).toMatch(/'\/etc\/passwd' is not a forcing file the server knows: give demo:east-sea-wind\.nc or demo:east-sea-currents\.nc .*'upload:<sha256>'/);
    const unknown = await refusal(log.append(kim, 'c', { type: 'planningInputs', basedOnVersion: 1, payload: { inputs: inputs({ forcing: { wind: [{ file: `upload:${SHA}` }], current: [{ file: 'demo:east-sea-currents.nc' }] } }) } }));
    expect(unknown.field).toBe('payload/inputs/forcing/wind/0/file');
    expect(unknown.message).toContain(`no uploaded forcing file has SHA-256 ${SHA}`);
    const short = await refusal(log.append(kim, 'c', { type: 'planningInputs', basedOnVersion: 1, payload: { inputs: inputs({ forcing: { wind: [{ file: 'upload:abc' }], current: [{ file: 'demo:east-sea-currents.nc' }] } }) } }));
    expect(short.field).toBe('payload/inputs/forcing/wind/0/file');
  });
  test('are read as `sarbridge plan` reads a plan file; the error names the field under payload/inputs', async () => {
    const log = await caseLog();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ scenarios: [{ name: 'raft', weight: 1, object: 'LIFE-RAFT-DB-10', position: '97 131.25', time: '2026-03-10T06:00Z' }] }, 'payload/inputs/scenarios/0/position', /./],
      [{ scenarios: [{ name: 'raft', weight: 1, object: 'NO-SUCH-THING', position: '37.2333 131.25', time: '2026-03-10T06:00Z' }] }, 'payload/inputs/scenarios/0/object', /NO-SUCH-THING/],
      [{ planningTime: '2026-03-10 09:00' }, 'payload/inputs/planningTime', /./],
      [{ units: [{ id: 'a', speedKn: 12, enduranceH: 6, arrival: '2026-03-10T09:00Z', patterns: ['VS'], sweepWidthNm: 2 }] }, 'payload/inputs/units/0/patterns', /no area pattern/],
      [{ durationH: 4 }, 'payload/inputs/durationH', /ends before the last search/],
    ];
    for (const [change, field, message] of cases) {
      const error = await refusal(log.append(kim, 'c', { type: 'planningInputs', basedOnVersion: 1, payload: { inputs: inputs(change) } }));
      expect(error.field, field).toBe(field);
      expect(error.message).toMatch(message);
      expect(error.message.startsWith(`${field}: `)).toBe(true);
    }
    // the schema names the field too
    const schema = await refusal(log.append(kim, 'c', { type: 'planningInputs', basedOnVersion: 1, payload: { inputs: inputs({ particles: -3 }) } }));
    expect(schema.field).toBe('payload/inputs/particles');
    expect((await log.state(kim, 'c')).planningInputs).toBeNull();
  });
  test('only the SMC writes them', async () => {
    const log = await caseLog();
    await expect(log.append(park, 'c', { type: 'planningInputs', basedOnVersion: 1, payload: { inputs: inputs() } })).rejects.toThrow(/'planningInputs' needs role smc/);
  });
});

describe('searchDone with a track', () => {
  const track = [
    { lonDeg: 131.2, latDeg: 37.2, time: '2026-03-10T09:00Z' },
    { lonDeg: 131.3, latDeg: 37.2, time: '2026-03-10T09:30Z' },
    { lonDeg: 131.3, latDeg: 37.25, time: '2026-03-10T09:40Z' },
  ];
  test('keeps the track, sweep width and speed in the picture for the Bayesian update', async () => {
    const log = await caseLog();
    await log.append(park, 'c', { type: 'searchDone', basedOnVersion: 1, payload: { unitId: 'kr-ship-1', track, sweepWidthNm: 2.5, speedKn: 12 } });
    const [search] = (await log.state(sato, 'c')).searches;
    expect(search).toMatchObject({ unitId: 'kr-ship-1', track, sweepWidthNm: 2.5, speedKn: 12 });
  });
  test('refuses a track without a sweep width, with time going back, or of one point', async () => {
    const log = await caseLog();
    expect((await refusal(log.append(park, 'c', { type: 'searchDone', basedOnVersion: 1, payload: { unitId: 'u', track } }))).field).toBe('payload/sweepWidthNm');
    const back = [track[0], track[2], track[1]];
    expect((await refusal(log.append(park, 'c', { type: 'searchDone', basedOnVersion: 1, payload: { unitId: 'u', track: back, sweepWidthNm: 2 } }))).field).toBe('payload/track/2/time');
    expect((await refusal(log.append(park, 'c', { type: 'searchDone', basedOnVersion: 1, payload: { unitId: 'u', track: [track[0]], sweepWidthNm: 2 } }))).field).toBe('payload/track');
    const tooMany = Array.from({ length: 5001 }, (_, k) => ({ lonDeg: 131, latDeg: 37, time: new Date(Date.UTC(2026, 2, 10, 9, 0, k)).toISOString() }));
    expect((await refusal(log.append(park, 'c', { type: 'searchDone', basedOnVersion: 1, payload: { unitId: 'u', track: tooMany, sweepWidthNm: 2 } }))).field).toBe('payload/track');
  });
});
