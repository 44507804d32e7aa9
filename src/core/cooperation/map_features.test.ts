import { describe, expect, test } from 'vitest';
import { TEST_RECORD, testConfig } from './fixture_for_tests.js';
import { cooperationMapFeatures } from './map_features.js';
import { readerFor } from './reader.js';

const config = testConfig({ incidents: [{ id: 'i1', title: 'Near {place:rocks}', date: { kind: 'year', year: 2006 }, actors: [{ party: 'A', description: 'navy' }],
  place: 'rocks', what: 'ships approached {place:rocks}', outcome: 'withdrew', sources: ['src'], record: TEST_RECORD }] });

describe('cooperationMapFeatures', () => {
  test('SRRs closed and flagged illustrative; places and incidents under the reader\'s names', () => {
    const b = cooperationMapFeatures(config, readerFor('B'));
    const srr = b.features.find((f) => f.properties.layer === 'srr')!;
    expect(srr.properties.illustrative).toBe(true);
    if (srr.geometry.type !== 'MultiPolygon') throw new Error('geometry');
    const ring = srr.geometry.coordinates[0][0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const place = b.features.find((f) => f.properties.layer === 'place')!;
    expect(place.properties.name).toBe('Takeshima');
    expect(place.geometry.coordinates).toEqual([131.87, 37.24]);
    expect(place.properties.claim1).toBe('Aland: claims sovereignty');
    const incident = b.features.find((f) => f.properties.layer === 'incident')!;
    expect(incident.properties).toMatchObject({ title: 'Near Takeshima', date: '2006', positionFrom: 'place' });
    expect(JSON.stringify(cooperationMapFeatures(config, readerFor()))).not.toMatch(/Dokdo|Takeshima/);
  });
});
