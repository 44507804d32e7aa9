/**
 * Whose names a page shows for places: the reader's party's, romanised in the English interface,
 * in the party's own script in Korean or Japanese (독도, 竹島: core/cooperation Place.ownScriptNames).
 * One rule for the map and every panel.
 */
import { ownScriptReader, readerFor, type Reader } from '../../core/cooperation/index.js';
import type { Language } from './dictionary.js';

export function placeReader(party: string, language: Language): Reader {
  return language === 'en' ? readerFor(party) : ownScriptReader(readerFor(party));
}
