/**
 * What the exercise tests share: the example agreement with a programme, users of every role of
 * both parties (exercise control included), an app on an in-memory store with a clock the test
 * moves, and a truth whose values are canaries (digits, a class, a seed no player input uses).
 */
import type { CooperationConfig, YearlyProgramme } from '../../core/cooperation/index.js';
import { loadCooperationConfig } from '../../io/cooperation/index.js';
import { projectPath } from '../../io/project_files.js';
import { SqliteStore, type SarbridgeStore } from '../../io/storage/index.js';
import { writeNetcdf3 } from '../../io/netcdf/test/netcdf3_writer.js';
import type { Role } from '../case_log/index.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { hashPassword } from './passwords.js';
import { TEST_PASSWORD, TEST_SCRYPT } from './server_test_support.js';

const example = loadCooperationConfig(projectPath('examples/cooperation/korea-japan.yaml'));
const record = example.agreement.record;
/** The example agreement with a 2026 programme: one exercise near the Liancourt Rocks, a liaison officer and an observer. */
export const PROGRAMME: YearlyProgramme = {
  year: 2026, exerciseFrequency: 'twice a year', hostRotation: ['KR', 'JP'], record,
  exercises: [{ id: 'sarex-1', name: 'SAREX 2026-1', host: 'KR', area: 'east-sea', date: { kind: 'month', iso: '2026-03' }, units: ['kr-ship-1', 'kr-helo-1', 'jp-navy-ship-1'], state: 'planned', record }],
  exchanges: [
    { id: 'lo-1', kind: 'liaison-officer', rankOrRole: 'Lieutenant', fromParty: 'JP', fromService: 'jp-navy', hostedBy: 'kr-helo-1', from: { kind: 'day', iso: '2026-03-09' }, to: { kind: 'day', iso: '2026-03-12' }, exercise: 'sarex-1', state: 'planned', record },
    { id: 'ob-1', kind: 'observer', rankOrRole: 'Commander', fromParty: 'KR', fromService: 'kr-navy', hostedBy: 'jp-rcc', from: { kind: 'not-set' }, to: { kind: 'not-set' }, state: 'planned', record },
  ],
};
export const CONFIG: CooperationConfig = { ...example, programmes: [PROGRAMME] };

/** Users: every role of both parties, and a party outside the agreement. */
export const EXERCISE_USERS: Record<string, { party: string; roles: Role[] }> = {
  kim: { party: 'KR', roles: ['smc'] }, park: { party: 'KR', roles: ['osc'] }, choi: { party: 'KR', roles: ['liaison-officer'] },
  han: { party: 'KR', roles: ['observer'] }, min: { party: 'KR', roles: ['programme-staff'] }, 'kr-admin': { party: 'KR', roles: ['admin'] },
  lee: { party: 'KR', roles: ['exercise-control'] },
  sato: { party: 'JP', roles: ['smc'] }, suzuki: { party: 'JP', roles: ['osc'] }, ito: { party: 'JP', roles: ['liaison-officer'] },
  kato: { party: 'JP', roles: ['observer'] }, mori: { party: 'JP', roles: ['programme-staff'] }, 'jp-admin': { party: 'JP', roles: ['admin'] },
  tanaka: { party: 'JP', roles: ['exercise-control'] },
  /** exercise control of KR, but never named a controller */
  yoon: { party: 'KR', roles: ['exercise-control'] },
  wang: { party: 'CN', roles: ['smc'] },
};

/** The truth: release position digits, class, seed and texts that nothing a player writes holds. */
export const TRUTH = {
  objectClass: 'OVATEK-CRAFT-3',
  position: { lonDeg: 131.24863, latDeg: 37.23417 },
  time: '2026-03-10T06:00Z',
  forcing: { wind: 'demo:east-sea-wind.nc', current: 'demo:east-sea-currents.nc' },
  perturbation: { windSpeedFactor: 1.1, windDirectionOffsetDeg: 7, currentSpeedFactor: 0.9, currentDirectionOffsetDeg: -5 },
  seed: 7319457,
  durationH: 30,
};
/**
 * A truth forcing of its own (NetCDF3, wind and current in one file): wind 6 m/s toward the east and
 * a current of 0.5 m/s toward the north over 130-133E 36-39N, 2026-03-10T00Z to 2026-03-12T00Z,
 * which covers TRUTH for its 30 h; `title` goes into the file (and the reader's description of it).
 */
export function truthForcingFile(title: string): Uint8Array {
  const cells = 2 * 4 * 4;
  return writeNetcdf3({ time: 2, lat: 4, lon: 4 }, [
    { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'hours since 2026-03-10 00:00:00', standard_name: 'time' }, data: [0, 48] },
    { name: 'lat', dims: ['lat'], type: 'double', attrs: { units: 'degrees_north' }, data: [36, 37, 38, 39] },
    { name: 'lon', dims: ['lon'], type: 'double', attrs: { units: 'degrees_east' }, data: [130, 131, 132, 133] },
    { name: 'u10', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'eastward_wind', units: 'm s-1' }, data: new Array(cells).fill(6) },
    { name: 'v10', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'northward_wind', units: 'm s-1' }, data: new Array(cells).fill(0) },
    { name: 'uo', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'eastward_sea_water_velocity', units: 'm s-1' }, data: new Array(cells).fill(0) },
    { name: 'vo', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'northward_sea_water_velocity', units: 'm s-1' }, data: new Array(cells).fill(0.5) },
  ], { title });
}

/** Strings no player may ever receive while the exercise runs. */
export const CANARIES = ['131.24863', '37.23417', 'OVATEK', '7319457', 'CANARY-LESSON-QX7', 'CANARY-INJECT-ZK9'];

/** An app on an in-memory store with EXERCISE_USERS signed in, the ticker only on demand, and a clock the test sets. */
export async function exerciseApp(startIso = '2026-03-10T07:30:00.000Z', store: SarbridgeStore = new SqliteStore(':memory:')): Promise<{
  app: SarbridgeApp; store: SarbridgeStore; tokens: Record<string, string>; clock: { nowMs: number };
  auth: (user: string) => { authorization: string };
}> {
  const hash = await hashPassword(TEST_PASSWORD, TEST_SCRYPT);
  for (const [userName, u] of Object.entries(EXERCISE_USERS)) {
    await store.createUser({ userName, party: u.party, roles: u.roles, passwordHash: hash, createdAt: '2026-03-01T00:00:00.000Z' });
  }
  const clock = { nowMs: Date.parse(startIso) };
  const app = await buildApp({ store, agreement: CONFIG, clock: () => new Date(clock.nowMs), exerciseTickMs: 0 });
  const tokens: Record<string, string> = {};
  for (const user of Object.keys(EXERCISE_USERS)) {
    tokens[user] = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: user, password: TEST_PASSWORD } })).json().token;
  }
  return { app, store, tokens, clock, auth: (user) => ({ authorization: `Bearer ${tokens[user]}` }) };
}
