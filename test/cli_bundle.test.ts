// The CLI bundle (scripts/bundle_cli.mjs), built into a scratch folder of the project and run as
// the installed command runs it: every command loads, and a drift that starts every kind of worker
// thread (the NetCDF4 reader, two drift threads) gives what the CLI from the sources gives.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findRepoRoot } from '../src/io/project_files.js';
import { runCli } from '../src/test_support/cli.js';

const root = findRepoRoot();
let dir: string;

/** Run the bundled CLI with `args` in a process of its own (as bin/sarbridge.js does). */
function bundled(...args: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, [join(dir, 'run.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  dir = mkdtempSync(join(root, 'tmp', 'test-cli-bundle-'));
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'bundle_cli.mjs'), dir], { cwd: root, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  writeFileSync(join(dir, 'run.mjs'), "import { main } from './sarbridge.js';\nprocess.exitCode = await main(process.argv);\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI bundle', () => {
  test('every command loads and explains itself', () => {
    for (const command of [[], ['objects'], ['drift'], ['serve'], ['admin'], ['plan'], ['cooperation'], ['exercise', 'simulate']]) {
      const { code, out, err } = bundled(...command, '--help');
      expect(code, err).toBe(0);
      expect(out).toMatch(new RegExp(`Usage: sarbridge${command.length ? ' ' + command.join(' ') : ''}`));
    }
    expect(bundled('objects').out).toMatch(/85 of 85 classes/);
  });

  test('a threaded drift on the NetCDF4 + NetCDF3 pair gives the sources\' summaries and GeoJSON', async () => {
    const forcing = join(root, 'data/forcing/east-sea-synthetic');
    const args = (out: string) => ['drift', '--position', '37 14.0N 131 15.0E', '--time', '2026-03-10T06:00Z', '--particles', '4000', '--duration-h', '3',
      '--wind', join(forcing, 'east-sea-wind.nc'), '--current', join(forcing, 'east-sea-currents.nc'), '--workers', '2', '--json', '--out', join(dir, out)];
    const fromBundle = bundled(...args('bundle.geojson'));
    expect(fromBundle.code, fromBundle.err).toBe(0);
    const fromSources = await runCli(...args('sources.geojson'));
    expect(fromSources.code, fromSources.err).toBe(0);
    const summaries = (text: string) => JSON.parse(text).summaries;
    expect(summaries(fromBundle.out)).toEqual(summaries(fromSources.out));
    expect(summaries(fromBundle.out)).toHaveLength(4);
    expect(readFileSync(join(dir, 'bundle.geojson'), 'utf8')).toBe(readFileSync(join(dir, 'sources.geojson'), 'utf8'));
  });
});
