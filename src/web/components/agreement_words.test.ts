import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { AGREEMENT_STATUSES, agreementStatusLabel, buildTimeline, readerFor, TIMELINE_ENTRY_KINDS, type ProgrammeItemState } from '../../core/cooperation/index.js';
import { loadCooperationConfig } from '../../io/cooperation/load_config.js';
import { translate, type Language, type MessageKey, type MessageValues } from '../i18n/dictionary.js';
import { agreementStatusWords, timelineLabel } from './agreement_words.js';

const tr = (language: Language) => (key: MessageKey, values?: MessageValues) => translate(language, key, values);
const SCRIPT: Readonly<Record<'ko' | 'ja', RegExp>> = { ko: /[\uac00-\ud7a3]/, ja: /[\u3040-\u30ff\u4e00-\u9fff]/ };
const STATES: readonly ProgrammeItemState[] = ['planned', 'done', 'postponed', 'cancelled'];

describe('the agreement record\'s own words, in the reader\'s language', () => {
  test('every status: the core\'s English words in English, its own script in Korean and Japanese', () => {
    for (const status of AGREEMENT_STATUSES) {
      expect(agreementStatusWords(tr('en'), status)).toBe(agreementStatusLabel(status));
      for (const language of ['ko', 'ja'] as const) expect(agreementStatusWords(tr(language), status), `${language} ${status}`).toMatch(SCRIPT[language]);
    }
  });
  test('every timeline kind (and an exercise in every state) has a heading in each language', () => {
    for (const kind of TIMELINE_ENTRY_KINDS) {
      const entries = kind === 'exercise' ? STATES.map((exerciseState) => ({ kind, exerciseState })) : [{ kind }];
      for (const entry of entries) {
        expect(timelineLabel(tr('en'), entry)).toMatch(/^[a-z]/);
        for (const language of ['ko', 'ja'] as const) {
          const label = timelineLabel(tr(language), entry);
          expect(label, `${language} ${kind}`).toMatch(SCRIPT[language]);
          expect(label, `${language} ${kind}: a placeholder left`).not.toMatch(/[{}]/);
        }
      }
    }
  });
  test('the example agreement\'s history: the CLI\'s headings in English, none left in English in Korean or Japanese', () => {
    const config = loadCooperationConfig(fileURLToPath(new URL('../../../examples/cooperation/korea-japan.yaml', import.meta.url)));
    const timeline = buildTimeline(config, readerFor('KR'));
    expect(new Set(timeline.map((e) => e.kind)).size).toBeGreaterThan(2);
    for (const entry of timeline) {
      expect(timelineLabel(tr('en'), entry)).toBe(entry.label);
      for (const language of ['ko', 'ja'] as const) {
        const label = timelineLabel(tr(language), entry);
        expect(label, `${language}: ${entry.label}`).not.toBe(entry.label);
        expect(label, `${language}: ${entry.label}`).toMatch(SCRIPT[language]);
      }
    }
  });
});
