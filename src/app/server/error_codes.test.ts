// Every code a client can get is in docs/errors.md (issue 11: Fastify's own codes reached clients undocumented).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectPath } from '../../io/project_files.js';

/** Every non-test TypeScript file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

test('every SARB_ code raised in the sources (server, CLI, core, browser) is documented in docs/errors.md', () => {
  const docs = readFileSync(projectPath('docs/errors.md'), 'utf8');
  const documented = new Set(docs.match(/`SARB_[A-Z_]+`/g)?.map((c) => c.slice(1, -1)));
  const raised = new Map<string, string>();
  for (const file of sources(projectPath('src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/['"`](SARB_[A-Z_]+)['"`]/g)) if (!raised.has(m[1])) raised.set(m[1], file);
  }
  expect(raised.size).toBeGreaterThan(30);
  const missing = [...raised].filter(([code]) => !documented.has(code)).map(([code, file]) => `${code} (${file})`);
  expect(missing).toEqual([]);
});
