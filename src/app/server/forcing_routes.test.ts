import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectPath } from '../../io/project_files.js';
import { SqliteStore } from '../../io/storage/index.js';
import { mutateBytes, seededRandom } from '../../io/netcdf/fuzz_mutations.js';
import { writeNetcdf3 } from '../../io/netcdf/test/netcdf3_writer.js';
import { buildApp, type SarbridgeApp } from './app.js';
import { createTestUsers, TEST_PASSWORD } from './server_test_support.js';

// a small NetCDF3 wind file: 2 times (1 h apart, from 2026-03-10T00Z), 2 × 3 grid over 37-38N 131-133E
const wind = writeNetcdf3({ time: 2, lat: 2, lon: 3 }, [
  { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'hours since 2026-03-10 00:00:00', standard_name: 'time' }, data: [0, 1] },
  { name: 'lat', dims: ['lat'], type: 'double', attrs: { units: 'degrees_north' }, data: [37, 38] },
  { name: 'lon', dims: ['lon'], type: 'double', attrs: { units: 'degrees_east' }, data: [131, 132, 133] },
  { name: 'u10', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'eastward_wind', units: 'm s-1' }, data: new Array(12).fill(5) },
  { name: 'v10', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'northward_wind', units: 'm s-1' }, data: new Array(12).fill(-2) },
], { title: 'test wind' });
const windSha = createHash('sha256').update(wind).digest('hex');

let app: SarbridgeApp;
let store: SqliteStore;
const tokens: Record<string, string> = {};
const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
const upload = (user: string, name: string, bytes: Uint8Array, contentType = 'application/octet-stream') =>
  app.inject({ method: 'POST', url: `/api/forcing?name=${encodeURIComponent(name)}`, headers: { ...auth(user), 'content-type': contentType }, payload: Buffer.from(bytes) });

beforeAll(async () => {
  store = new SqliteStore(':memory:');
  await createTestUsers(store);
  app = await buildApp({ store, clock: () => new Date('2026-03-10T07:00:00Z'), webRoot: '/nonexistent/sarbridge-web' });
  for (const user of ['kim', 'sato']) tokens[user] = (await app.inject({ method: 'POST', url: '/api/session', payload: { userName: user, password: TEST_PASSWORD } })).json().token;
});
afterAll(async () => { await app.close(); await store.close(); });

describe('POST /api/forcing', () => {
  test('reads the file, stores it once by SHA-256 and says what it holds', async () => {
    const res = await upload('kim', 'wind-20260310.nc', wind);
    expect(res.statusCode).toBe(201);
    const { file } = res.json();
    expect(file).toMatchObject({
      ref: `upload:${windSha}`, sha256: windSha, name: 'wind-20260310.nc', size: wind.length, party: 'KR', uploadedBy: 'kim', uploadedAt: '2026-03-10T07:00:00.000Z', synthetic: false,
      contents: { quantities: ['wind'], start: '2026-03-10T00:00:00.000Z', end: '2026-03-10T01:00:00.000Z', bounds: { westDeg: 131, southDeg: 37, eastDeg: 133, northDeg: 38 } },
    });
    expect(file.contents.description.join('\n')).toMatch(/title: test wind/);
    // the same bytes again (another party, another name): the first record, not a second copy
    const again = await upload('sato', 'copy.nc', wind);
    expect(again.statusCode).toBe(200);
    expect(again.json().file).toMatchObject({ sha256: windSha, name: 'wind-20260310.nc', party: 'KR' });
    expect(await store.listForcingFiles()).toHaveLength(1);
    await app.audit.flush();
    expect((await store.readAudit()).find((l) => l.action === 'POST /api/forcing' && l.statusCode === 201)?.detail).toBe(`forcing 'wind-20260310.nc' (${wind.length} bytes, sha256 ${windSha})`);
  });
  test('refuses a file that is not NetCDF or holds no wind or current, naming the file and the problem', async () => {
    const text = await upload('kim', 'notes.nc', new TextEncoder().encode('this is not a NetCDF file\n'));
    expect(text.statusCode).toBe(400);
    expect(text.json()).toMatchObject({ code: 'SARB_DATA_FILE', field: 'body' });
    expect(text.json().message).toMatch(/^notes\.nc: is not a NetCDF file \(it looks like text/);
    const sst = writeNetcdf3({ time: 1, lat: 2, lon: 2 }, [
      { name: 'time', dims: ['time'], type: 'double', attrs: { units: 'hours since 2026-03-10' }, data: [0] },
      { name: 'lat', dims: ['lat'], type: 'double', attrs: { units: 'degrees_north' }, data: [37, 38] },
      { name: 'lon', dims: ['lon'], type: 'double', attrs: { units: 'degrees_east' }, data: [131, 132] },
      { name: 'sst', dims: ['time', 'lat', 'lon'], type: 'float', attrs: { standard_name: 'sea_surface_temperature' }, data: [280, 280, 280, 280] },
    ]);
    const noWind = await upload('kim', 'sst.nc', sst);
    expect(noWind.statusCode).toBe(400);
    expect(noWind.json()).toMatchObject({ code: 'SARB_FORCING_FILE' });
    expect(noWind.json().message).toMatch(/sst\.nc: no wind or current variable found/);
    const truncated = await upload('kim', 'cut.nc', wind.subarray(0, 200));
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().message).toMatch(/^cut\.nc: /);
    const empty = await app.inject({ method: 'POST', url: '/api/forcing?name=empty.nc', headers: { ...auth('kim'), 'content-type': 'application/octet-stream' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/empty\.nc: is empty/);
    expect(await store.listForcingFiles()).toHaveLength(1);
  });
  test('needs a session, a file name without a path, and the octet-stream body', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/forcing?name=w.nc', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from(wind) })).statusCode).toBe(401);
    const path = await upload('kim', '../etc/w.nc', wind);
    expect(path.statusCode).toBe(400);
    expect(path.json().field).toBe('querystring/name');
    expect((await app.inject({ method: 'POST', url: '/api/forcing', headers: { ...auth('kim'), 'content-type': 'application/octet-stream' }, payload: Buffer.from(wind) })).json().field).toBe('querystring/name');
    expect((await upload('kim', 'w.nc', wind, 'application/json')).statusCode).toBe(400);
  });
  test('takes up to 64 MiB on this route only; every other route keeps its small limit', async () => {
    const big = new Uint8Array(65 * 1024 * 1024);
    const refused = await upload('kim', 'big.nc', big);
    expect(refused.statusCode).toBe(413);
    // 1 MiB of zeros is over the 256 KiB limit elsewhere but reaches the reader here
    const mib = await upload('kim', 'zeros.nc', new Uint8Array(1024 * 1024));
    expect(mib.statusCode).toBe(400);
    expect(mib.json().message).toMatch(/zeros\.nc: is not a NetCDF file/);
    const elsewhere = await app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ userName: 'kim', password: 'x'.repeat(300 * 1024) }) });
    expect(elsewhere.statusCode).toBe(413);
  });
  test('an upload h5wasm loops on is read off the request thread and refused at its deadline, naming the file', async () => {
    // seed 2, mutation 68 of the demo wind file: get_attached_scales never returns (corrupt_files.test.ts);
    // read on the request thread, it held every request of every party for good
    const original = new Uint8Array(readFileSync(projectPath('data/forcing/east-sea-synthetic/east-sea-wind.nc')));
    const random = seededRandom(2);
    let loops = mutateBytes(original, random).bytes;
    for (let k = 0; k < 68; k++) loops = mutateBytes(original, random).bytes;
    const guarded = await buildApp({ store, clock: () => new Date('2026-03-10T07:00:00Z'), webRoot: '/nonexistent/sarbridge-web', limits: { forcingUploadDeadlineMs: 3000 } });
    try {
      let uploadDone = false;
      const pending = guarded.inject({ method: 'POST', url: '/api/forcing?name=loops.nc', headers: { ...auth('kim'), 'content-type': 'application/octet-stream' }, payload: Buffer.from(loops) })
        .finally(() => { uploadDone = true; });
      const health = await guarded.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(uploadDone).toBe(false);   // the server answered while the file was being read
      const refused = await pending;
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'SARB_FORCING_FILE', field: 'body' });
      expect(refused.json().message).toMatch(/^loops\.nc: reading it did not finish within 3 s and was stopped; the file is probably corrupt/);
      expect((await store.listForcingFiles()).map((f) => f.name)).not.toContain('loops.nc');
    } finally {
      await guarded.close();
    }
  }, 60_000);
  test('a NetCDF4 upload that needs h5wasm is read in its thread and named in its error', async () => {
    // seed 2, mutation 0: a corrupt symbol table, h5wasm's own 'name not defined!'
    const original = new Uint8Array(readFileSync(projectPath('data/forcing/east-sea-synthetic/east-sea-wind.nc')));
    const res = await upload('kim', 'symbols.nc', mutateBytes(original, seededRandom(2)).bytes);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^symbols\.nc: cannot read its NetCDF4\/HDF5 structure \(error - name not defined!\)/);
  });
});

describe('GET /api/forcing, GET /api/forcing/:ref', () => {
  test('lists the SYNTHETIC demo files, then the uploads, with what each holds', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/forcing', headers: auth('sato') });
    expect(res.statusCode).toBe(200);
    const files = res.json().files;
    expect(files.map((f: { ref: string }) => f.ref)).toEqual(['demo:east-sea-wind.nc', 'demo:east-sea-currents.nc', `upload:${windSha}`]);
    expect(files[0]).toMatchObject({ synthetic: true, party: null, contents: { quantities: ['wind'] } });
    expect(files[1].contents.quantities).toEqual(['current']);
    expect(files[0].contents.description.join('\n')).toMatch(/SYNTHETIC/);
    expect(Date.parse(files[0].contents.end)).toBeGreaterThan(Date.parse(files[0].contents.start));
    expect((await app.inject({ method: 'GET', url: '/api/forcing' })).statusCode).toBe(401);
  });
  test('serves the bytes, cached for good, by SHA-256, upload ref or demo ref', async () => {
    for (const ref of [windSha, `upload:${windSha}`]) {
      const res = await app.inject({ method: 'GET', url: `/api/forcing/${ref}`, headers: auth('sato') });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/x-netcdf');
      expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(res.headers['content-disposition']).toBe('attachment; filename="wind-20260310.nc"');
      expect(new Uint8Array(res.rawPayload)).toEqual(wind);
    }
    const demo = await app.inject({ method: 'GET', url: '/api/forcing/demo:east-sea-currents.nc', headers: auth('kim') });
    expect(demo.statusCode).toBe(200);
    expect(demo.rawPayload.equals(readFileSync(projectPath('data/forcing/east-sea-synthetic/east-sea-currents.nc')))).toBe(true);
  });
  test('an unknown reference is 404 SARB_FORCING_NOT_FOUND; a malformed one 400', async () => {
    const missing = await app.inject({ method: 'GET', url: `/api/forcing/${'0'.repeat(64)}`, headers: auth('kim') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'SARB_FORCING_NOT_FOUND' });
    expect((await app.inject({ method: 'GET', url: '/api/forcing/demo:nothing.nc', headers: auth('kim') })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/forcing/abc', headers: auth('kim') })).statusCode).toBe(400);
  });
  test('planning inputs may name an uploaded file once it is stored', async () => {
    const caseId = (await app.inject({ method: 'POST', url: '/api/cases', headers: auth('kim'), payload: { kind: 'case', title: 'raft', parties: ['KR', 'JP'] } })).json().caseId;
    const inputs = (file: string) => ({
      forcing: { wind: [{ file }], current: [{ file: 'demo:east-sea-currents.nc' }] },
      scenarios: [{ name: 'raft', weight: 1, object: 'LIFE-RAFT-DB-10', position: '37.2333 131.25', time: '2026-03-10T06:00Z' }],
      planningTime: '2026-03-10T09:00Z',
      units: [{ id: 'kr-ship-1', speedKn: 12, enduranceH: 6, arrival: '2026-03-10T09:00Z', patterns: ['PS'], sweepWidthNm: 2 }],
    });
    const post = (file: string) => app.inject({ method: 'POST', url: `/api/cases/${caseId}/events`, headers: auth('kim'), payload: { basedOnVersion: 1, type: 'planningInputs', payload: { inputs: inputs(file) } } });
    const unknown = await post(`upload:${'1'.repeat(64)}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('body/payload/inputs/forcing/wind/0/file');
    expect((await post(`upload:${windSha}`)).statusCode).toBe(201);
  });
});
