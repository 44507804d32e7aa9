import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../test_support/cli.js';
import { SqliteStore } from '../../io/storage/index.js';
import { ProgrammeStream } from '../programme/index.js';
import { CONFIG as EXERCISE_CONFIG } from '../server/exercise_test_support.js';

const dir = mkdtempSync(join(tmpdir(), 'sarbridge-coop-'));
const CONFIG = new URL('../../../examples/cooperation/korea-japan.yaml', import.meta.url).pathname;
const PLAN = new URL('../../../examples/cooperation/plan-example.json', import.meta.url).pathname;

const run = (...args: string[]) => runCli('cooperation', ...args);


describe('sarbridge cooperation validate', () => {
  test('accepts the example and says its SRRs are illustrative', async () => {
    const { code, out } = await run('validate', CONFIG);
    expect(code).toBe(0);
    expect(out).toMatch(/valid/);
    expect(out).toMatch(/ILLUSTRATIVE/);
    // the islets' position against the bundled coastline (place_outlines.ts)
    expect(out).toMatch(/note: \[coastline\] the bundled coastline \(GSHHG f 2\.3\.7[^)]*\) has no land at the agreement's position of Liancourt Rocks \(37°14\.40'N 131°52\.20'E\): its nearest shore is 0\.39 NM away/);
  });

  test('a malformed config exits 1 with the path and the problem', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(CONFIG, 'utf8').replace('timeZone: Asia/Tokyo', 'timeZone: Asia/Tokio'));
    const { code, err } = await run('validate', bad);
    expect(code).toBe(1);
    expect(err).toMatch(/bad\.yaml: parties\/1\/timeZone: 'Asia\/Tokio' is not a known IANA time zone .*\[SARB_DATA_FILE\]/);
  });
});

describe('sarbridge cooperation findings', () => {
  test('lists each rule\'s findings in the reader\'s names and refuses to issue without acknowledgements', async () => {
    const jp = await run('findings', CONFIG, PLAN, '--party', 'JP');
    expect(jp.code).toBe(4);   // checked, and the plan may not be issued yet
    expect(jp.out).toMatch(/\[rule R1\] coordinating RCC: Korean RCC/);
    expect(jp.out).toMatch(/\[rule R1\] hand-over from Korean RCC \(illustrative\) \(South Korea\) to Japanese RCC/);
    expect(jp.out).toMatch(/\[rule R3\] a unit of South Korea passes 10\.\d NM from Takeshima/);   // KR ship is position-only to JP
    expect(jp.out).not.toMatch(/Dokdo|KR illustrative ship/);
    expect(jp.out).toMatch(/Plan may NOT be issued: 3 notification\(s\) lack an acknowledgement/);
    const shared = await run('findings', CONFIG, PLAN, '--utc');
    expect(shared.out).toMatch(/from Liancourt Rocks at 2026-03-10 10:00 UTC/);
  });

  test('acknowledged notifications let the plan be issued', async () => {
    const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
    plan.acknowledgements = [
      { notificationId: 'R2/kr-ship-1/srr:jp-rcc/jp-rcc', byRccId: 'jp-rcc', timeS: 1773100000 },
      { notificationId: 'R2/jp-ship-1/srr:kr-rcc/kr-rcc', byRccId: 'kr-rcc', timeS: 1773100000 },
      { notificationId: 'R3/kr-ship-1/place:liancourt/jp-rcc', byRccId: 'jp-rcc', timeS: 1773100000 },
    ];
    const acked = join(dir, 'acked.json');
    writeFileSync(acked, JSON.stringify(plan));
    const { out, code } = await run('findings', CONFIG, acked);
    expect(out).toMatch(/Plan may be issued\./);
    expect(code).toBe(0);
  });
});

describe('sarbridge cooperation timeline', () => {
  test('prints the history in order with record times in the party\'s zone, or UTC only', async () => {
    const kr = await run('timeline', CONFIG, '--party', 'KR');
    expect(kr.code).toBe(0);
    const order = ['2005 · proposed', '· opposed', '2005 · drafted', '2006 · incident', '· under consultation', '· signing expected', '· meeting'].map((p) => kr.out.indexOf(p));
    expect(order.every((at, k) => at >= 0 && (k === 0 || at > order[k - 1]))).toBe(true);
    expect(kr.out).toContain('approached Dokdo');
    expect(kr.out).toMatch(/created 2026-11-29 23:00 Asia\/Seoul \(UTC\+09:00\) = 2026-11-29 14:00 UTC/);
    const utc = await run('timeline', CONFIG, '--party', 'KR', '--utc');
    expect(utc.out).not.toContain('Asia/Seoul');
  });

  test('an unknown party is named', async () => {
    const { code, err } = await run('timeline', CONFIG, '--party', 'XX');
    expect(code).toBe(1);
    expect(err).toMatch(/--party: unknown party 'XX' \(the config has KR, JP\)/);
  });
});

describe('sarbridge cooperation report', () => {
  test('writes HTML and PDF', async () => {
    const html = join(dir, 'r.html');
    const pdf = join(dir, 'r.pdf');
    expect((await run('report', CONFIG, '--year', '2008', '--out', html, '--party', 'KR')).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('독도');   // the KR edition: KR's name in its own script
    expect((await run('report', CONFIG, '--year', '2008', '--out', pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('refuses an output that is neither .html nor .pdf, and a bad year', async () => {
    expect((await run('report', CONFIG, '--year', '2008', '--out', join(dir, 'r.txt'))).err).toMatch(/--out: .* must end in \.html or \.pdf/);
    expect((await run('report', CONFIG, '--year', 'x', '--out', join(dir, 'r.html'))).err).toMatch(/--year: 'x' is not a four-digit year/);
  });

  test('usage errors exit 2 instead of ending the process', async () => {
    expect((await run('report', CONFIG, '--bogus')).code).toBe(2);
  });

  test("--db reads the programme a server keeps over the config's, and counts the exercises held and their results", async () => {
    const db = join(dir, 'server.db');
    const store = new SqliteStore(db);
    const programme = new ProgrammeStream(store, EXERCISE_CONFIG, () => new Date('2026-03-11T00:00:00Z'));
    await programme.seed();
    const staff = { userName: 'min', party: 'KR', roles: ['programme-staff' as const] };
    await programme.append(staff, { basedOnVersion: 1, type: 'exerciseAdded', payload: { year: 2026, id: 'sarex-2', name: 'SAREX 2026-2', host: 'JP', area: 'east-sea', date: '2026-10', units: ['jp-ship-1'] } });
    await programme.append(staff, { basedOnVersion: 2, type: 'itemStateSet', payload: { id: 'sarex-1', state: 'done' } });
    await programme.record('exerciseResult', { id: 'sarex-1', result: 'Exercise sarex-1: target detected by kr-ship-1.', caseId: 'sarex-1', detected: true }, 'lee', 'KR');
    await store.close();
    const html = join(dir, 'programme.html');
    const { code, err } = await run('report', CONFIG, '--year', '2026', '--out', html, '--db', db);
    expect(err).toBe('');
    expect(code).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<td>SAREX 2026-2</td>');
    expect(text).toContain('Exercise sarex-1: target detected by kr-ship-1.');
    expect(text).toContain('Exercises held: 1 of 2 (1 still planned); results recorded for 1.');
    // without --db the config alone has no programme for 2026
    expect((await run('report', CONFIG, '--year', '2026', '--out', html)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('No programme recorded for 2026.');
  });
});
