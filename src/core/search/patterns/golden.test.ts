/**
 * Golden-file tests of the pattern generators (as Turf does): every `test/in/*.json` is run and
 * compared with `test/out/<same name>.geojson`, a FeatureCollection of the route's LineString, the
 * track as flown when the unit flies its turns, and one Point per waypoint that can be opened on a map. `REGEN=1 npx vitest run <this file>`
 * rewrites the outputs after an intended change. Node's fs is used here only, in a test file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { SearchRoute } from '../pattern.js';
import { creepingLine, expandingSquare, parallelSweep, sector, trackLine } from './index.js';

const HERE = new URL('./test/', import.meta.url);
const REGEN = process.env.REGEN === '1';
const GENERATORS: Record<string, (input: never) => SearchRoute> = {
  expandingSquare, sector, parallelSweep, creepingLine, trackLine,
};

interface GoldenCase { description: string; pattern: string; input: unknown }

function toCollection(c: GoldenCase, route: SearchRoute): unknown {
  return {
    type: 'FeatureCollection',
    features: [
      { ...route.feature, properties: { description: c.description, ...route.feature.properties } },
      // the track as flown, when the unit flies its turns (turning_route.ts)
      ...(route.flown ? [{
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: route.flown.map((p) => [p.lonDeg, p.latDeg]) },
        properties: { kind: 'flown', timesS: route.flown.map((p) => p.timeS), flownTrackNm: route.flownTrackNm, turnTrackNm: route.turnTrackNm, tightTurns: route.tightTurns },
      }] : []),
      ...route.waypoints.map((w, index) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [w.lonDeg, w.latDeg] },
        properties: { index, name: w.name, timeS: w.timeS, time: new Date(w.timeS * 1000).toISOString() },
      })),
    ],
  };
}

/** Compare JSON trees; numbers within 1e-9 relative (1e-9 degree is 0.1 mm). */
function expectClose(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, path).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (typeof expected === 'object' && expected !== null) {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

const cases = readdirSync(new URL('in/', HERE)).filter((f) => f.endsWith('.json')).sort();

describe('golden routes (test/in -> test/out)', () => {
  test('there are golden cases for every pattern', () => {
    const patterns = new Set(cases.map((f) => (JSON.parse(readFileSync(new URL(`in/${f}`, HERE), 'utf8')) as GoldenCase).pattern));
    expect([...patterns].sort()).toEqual(Object.keys(GENERATORS).sort());
  });

  test.each(cases)('%s', (file) => {
    const c = JSON.parse(readFileSync(new URL(`in/${file}`, HERE), 'utf8')) as GoldenCase;
    const generate = GENERATORS[c.pattern];
    expect(generate, `unknown pattern ${c.pattern}`).toBeDefined();
    const actual = toCollection(c, generate(c.input as never));
    const outUrl = new URL(`out/${file.replace(/\.json$/, '.geojson')}`, HERE);
    if (REGEN) writeFileSync(outUrl, `${JSON.stringify(actual, null, 2)}\n`);
    expectClose(actual, JSON.parse(readFileSync(outUrl, 'utf8')), file);
  });
});
