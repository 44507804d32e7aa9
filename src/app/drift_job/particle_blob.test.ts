import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { ParticleBlobWriter, particleBlobLayout, readParticleBlob, STORED_POSITIONS_MAX, storedTimeIndices } from './particle_blob.js';

describe('particle blob', () => {
  test('round trip: positions to Float32, statuses, weights and scenarios as written', () => {
    const n = 5;
    const writer = new ParticleBlobWriter(n, 2);
    const lon = [131.25, 131.2500001, 131.3, 129.999999, 132];
    const lat = [37.2, 37.21, 37.22, 37.23, -37.24];
    writer.writeTime(0, 1_773_122_400, lon, lat, [0, 0, 1, 2, 3]);
    writer.writeTime(1, 1_773_126_000, lon.map((x) => x + 0.01), lat, [1, 1, 1, 1, 1]);
    writer.writeParticles([0.1, 0.2, 0.3, 0.2, 0.2], [0, 0, 1, 1, 65535]);
    const blob = readParticleBlob(writer.bytes);
    expect(blob.count).toBe(5);
    expect([...blob.timesS]).toEqual([1_773_122_400, 1_773_126_000]);
    const first = blob.at(0);
    // Float32 keeps a longitude near 131° to under 1e-5° (about a metre)
    first.lonDeg.forEach((x, i) => expect(Math.abs(x - lon[i])).toBeLessThan(1e-5));
    first.latDeg.forEach((x, i) => expect(Math.abs(x - lat[i])).toBeLessThan(1e-5));
    expect([...first.status]).toEqual([0, 0, 1, 2, 3]);
    expect([...blob.at(1).status]).toEqual([1, 1, 1, 1, 1]);
    expect(Math.abs(blob.at(1).lonDeg[0] - 131.26)).toBeLessThan(1e-5);
    expect([...blob.scenario]).toEqual([0, 0, 1, 1, 65535]);
    expect(blob.weight[2]).toBeCloseTo(0.3, 7);
    expect(writer.bytes.length).toBe(particleBlobLayout(5, 2).total);
    expect(writer.bytes.length).toBe(16 + 2 * 8 + 2 * 5 * 8 + 12 + 5 * 4 + 12);
  });

  test('a blob read at an odd offset (a database buffer) is read the same', () => {
    const writer = new ParticleBlobWriter(3, 1);
    writer.writeTime(0, 10, [1, 2, 3], [4, 5, 6], [0, 1, 2]);
    const shifted = new Uint8Array(writer.bytes.length + 3);
    shifted.set(writer.bytes, 3);
    expect([...readParticleBlob(shifted.subarray(3)).at(0).latDeg]).toEqual([4, 5, 6]);
  });

  test('refuses what is not a blob, or is cut short, and a time it does not hold', () => {
    expect(() => readParticleBlob(new Uint8Array(40))).toThrow(InvalidInputError);
    const writer = new ParticleBlobWriter(10, 3);
    expect(() => readParticleBlob(writer.bytes.subarray(0, writer.bytes.length - 4))).toThrow(/need/);
    expect(() => readParticleBlob(writer.bytes).at(3)).toThrow(/0\.\.2/);
  });

  test('stored times: all when they fit, else an even selection with the first and the last', () => {
    expect(storedTimeIndices(73, 20_000)).toEqual(Array.from({ length: 73 }, (_, k) => k));
    const thinned = storedTimeIndices(721, 20_000);
    expect(thinned).toHaveLength(STORED_POSITIONS_MAX / 20_000);
    expect(thinned[0]).toBe(0);
    expect(thinned.at(-1)).toBe(720);
    for (let k = 1; k < thinned.length; k++) {
      expect(thinned[k]).toBeGreaterThan(thinned[k - 1]);
      expect(thinned[k] - thinned[k - 1]).toBeLessThanOrEqual(Math.ceil(720 / (thinned.length - 1)));
    }
    expect(storedTimeIndices(5, 10_000_000)).toEqual([0, 4]);   // never fewer than the first and the last
  });
});
