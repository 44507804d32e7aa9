import { describe, expect, test } from 'vitest';
import { ConstantField, FallbackChain, type VectorField } from '../../core/environment/index.js';
import { loadBundledCoastline } from '../../io/coastline/index.js';
import { openForcingFile } from '../../io/netcdf/index.js';
import { projectPath } from '../../io/project_files.js';
import { packForWorker, unpackInWorker } from './transfer.js';

/** What a worker receives: a structured clone of the packed value. */
const crossThread = <T>(value: T): T => unpackInWorker(structuredClone(packForWorker(value)));

function sample(field: VectorField, timeS: number, lon: number[], lat: number[]): number[] {
  const n = lon.length, e = new Float64Array(n), no = new Float64Array(n), c = new Uint8Array(n);
  field.sampleBatch(timeS, new Float64Array(lon), new Float64Array(lat), n, e, no, c);
  return [...e, ...no, ...c];
}

describe('packForWorker / unpackInWorker', () => {
  test('a gridded field in a fallback chain samples the same after crossing', async () => {
    const wind = (await openForcingFile(projectPath('data/forcing/east-sea-synthetic/east-sea-wind.nc'))).fields.wind!;
    const chain = new FallbackChain([wind, new ConstantField('wind', 1, 2)]);
    const copy = crossThread({ chain });
    expect(copy.chain).toBeInstanceOf(FallbackChain);
    const t = wind.startS + 5 * 3600;
    const lon = [130.1, 131.87, 135.5], lat = [36.2, 37.24, 38];   // the last is outside the file: the constant
    expect(sample(copy.chain, t, lon, lat)).toEqual(sample(chain, t, lon, lat));
    expect(copy.chain.label).toBe(chain.label);
  });

  test('the coastline answers the same after crossing', () => {
    const coast = loadBundledCoastline();
    const copy = crossThread(coast);
    for (const [lon, lat] of [[131.8695, 37.2410], [131.87, 37.23], [130.87, 37.5], [132, 38.5]]) {
      expect(copy.isLand(lon, lat)).toBe(coast.isLand(lon, lat));
    }
    expect(copy.firstShoreCrossing(131.86, 37.241, 131.88, 37.241)).toBe(coast.firstShoreCrossing(131.86, 37.241, 131.88, 37.241));
  });

  test('an instance of an unregistered class is refused with its name and place', () => {
    class Secret { readonly x = 1; }
    expect(() => packForWorker({ forcing: [new Secret()] })).toThrow('cannot send a Secret at forcing.0 to a worker thread');
  });
});
