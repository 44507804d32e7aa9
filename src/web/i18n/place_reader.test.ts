import { describe, expect, test } from 'vitest';
import { placeName } from '../../core/cooperation/index.js';
import type { Place } from '../../core/cooperation/place.js';
import { placeReader } from './place_reader.js';

const rocks = { id: 'liancourt', neutralName: 'Liancourt Rocks', names: { KR: 'Dokdo', JP: 'Takeshima' }, ownScriptNames: { KR: '독도', JP: '竹島' } } as unknown as Place;

describe('placeReader', () => {
  test('romanised names in the English interface, the party\'s own script in Korean or Japanese', () => {
    expect(placeName(rocks, placeReader('KR', 'en'), 'neutral')).toBe('Dokdo');
    expect(placeName(rocks, placeReader('KR', 'ko'), 'neutral')).toBe('독도');
    expect(placeName(rocks, placeReader('JP', 'ja'), 'neutral')).toBe('竹島');
    expect(placeName(rocks, placeReader('JP', 'ko'), 'neutral')).toBe('竹島');   // the reader's party's name, whatever the interface
  });
});
