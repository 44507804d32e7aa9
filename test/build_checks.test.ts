import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { missingOutputs, newestMtimeMs, webBuildReason } from '../scripts/build_checks.mjs';

let root: string;
const write = (rel: string, atS = 1_000_000) => {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, 'x');
  utimesSync(path, atS, atS);
};
beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'sarbridge-build-')); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('scripts/build_checks.mjs', () => {
  test('newestMtimeMs walks folders and skips node_modules', () => {
    write('src/core/a.ts', 1000);
    write('src/core/deep/b.ts', 3000);
    write('src/core/node_modules/c.ts', 9000);
    expect(newestMtimeMs(root, ['src/core', 'absent'])).toBe(3_000_000);
    expect(newestMtimeMs(root, ['absent'])).toBe(0);
  });
  test('missingOutputs lists compiled sources without their dist .js, not tests, test support or the web app', () => {
    write('src/core/a.ts');
    write('src/core/a.test.ts');
    write('src/app/server/server_test_support.ts');
    write('src/web/main.tsx');
    write('src/web/api.ts');
    write('src/app/b.ts');
    write('dist/core/a.js');
    expect(missingOutputs(root)).toEqual([join('app', 'b.ts')]);
    write('dist/app/b.js');
    expect(missingOutputs(root)).toEqual([]);
  });
  test('webBuildReason: nothing without a vite config; a first build; a source newer than the stamp; up to date', () => {
    write('src/core/a.ts', 1000);
    expect(webBuildReason(root)).toBeNull();
    write('src/web/vite.config.ts', 1000);
    expect(webBuildReason(root)).toBe('no earlier build');
    write('dist/web/index.html', 2000);
    write('dist/web/.build-stamp', 2000);
    expect(webBuildReason(root)).toBeNull();
    write('src/io/b.ts', 2500);
    expect(webBuildReason(root)).toBe('sources changed');
    write('dist/web/.build-stamp', 3000);
    expect(webBuildReason(root)).toBeNull();
    write('package-lock.json', 3500);
    expect(webBuildReason(root)).toBe('sources changed');
  });
});
