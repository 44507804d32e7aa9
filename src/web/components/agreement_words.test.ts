import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  AGREEMENT_STATUSES, agreementStatusLabel, buildTimeline, readerFor, TIMELINE_ENTRY_KINDS, TIMELINE_WORDS_EN,
  type ProgrammeItemState, type TimelineEntry, type TimelinePart, type TimelineWordKey,
} from '../../core/cooperation/index.js';
import { configWithEveryEntry } from '../../core/cooperation/fixture_for_tests.js';
import { loadCooperationConfig } from '../../io/cooperation/load_config.js';
import { translate, type Language, type MessageKey, type MessageValues } from '../i18n/dictionary.js';
import { en } from '../i18n/en.js';
import { placeReader } from '../i18n/place_reader.js';
import { agreementStatusWords, dateWords, recordWords, timelineEntryWords, timelineLabel } from './agreement_words.js';

const tr = (language: Language) => (key: MessageKey, values?: MessageValues) => translate(language, key, values);
const SCRIPT: Readonly<Record<'ko' | 'ja', RegExp>> = { ko: /[\uac00-\ud7a3]/, ja: /[\u3040-\u30ff\u4e00-\u9fff]/ };
const STATES: readonly ProgrammeItemState[] = ['planned', 'done', 'postponed', 'cancelled'];
const EXAMPLE = loadCooperationConfig(fileURLToPath(new URL('../../../examples/cooperation/korea-japan.yaml', import.meta.url)));

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
    const timeline = buildTimeline(EXAMPLE, readerFor('KR'));
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

/** The same parts with every record's text left out: what remains is sarbridge's words alone. */
function withoutRecord(parts: readonly TimelinePart[]): TimelinePart[] {
  return parts.map((part) => part.kind === 'record' ? { kind: 'record', text: '' } : {
    ...part, values: Object.fromEntries(Object.entries(part.values).map(([name, v]) => [name, Array.isArray(v) ? withoutRecord(v) : withoutRecord([v as TimelinePart])[0]])),
  });
}

/** Every record's text in the parts. */
function recordTexts(parts: readonly TimelinePart[]): string[] {
  return parts.flatMap((part) => part.kind === 'record' ? [part.text] : Object.values(part.values).flatMap((v) => recordTexts(Array.isArray(v) ? v : [v as TimelinePart])));
}

/** Each entry's parts: its date, what it says, each source. */
const partLists = (e: TimelineEntry): (readonly TimelinePart[])[] => [e.dateParts, e.parts, ...e.sourceParts];

describe('the words joining the history\'s texts, in the reader\'s language', () => {
  // the example agreement, and the hand-drawn one with every kind of entry and every word of the core's table
  const timelines = (language: Language) => [buildTimeline(EXAMPLE, placeReader('KR', language)), buildTimeline(configWithEveryEntry(), placeReader('A', language))].flat();

  test('the English dictionary has the core\'s English words, key for key', () => {
    for (const [key, words] of Object.entries(TIMELINE_WORDS_EN)) {
      const messageKey = `agreement.words.${key as TimelineWordKey}` as const;
      expect(en[messageKey], key).toBe(words);
    }
  });
  test('in English the page reads as the CLI and the reports: the core\'s texts word for word', () => {
    for (const e of timelines('en')) {
      expect(recordWords(tr('en'), e.dateParts)).toBe(e.dateText);
      expect(recordWords(tr('en'), e.parts)).toBe(e.text);
      expect(e.sourceParts.map((parts) => recordWords(tr('en'), parts))).toEqual(e.sources);
      expect(timelineEntryWords(tr('en'), e)).toEqual({ date: e.dateText, text: `${e.label}: ${e.text}`, ...(e.sources.length ? { sources: ` (${e.sources.join('; ')})` } : {}) });
    }
  });
  test('in Korean and Japanese no English word of sarbridge\'s is left, and every record\'s text is there as written', () => {
    for (const language of ['ko', 'ja'] as const) {
      for (const e of timelines(language)) {
        for (const parts of partLists(e)) {
          const own = recordWords(tr(language), withoutRecord(parts));
          expect(own, `${language} ${e.kind}: ${e.text}`).not.toMatch(/[A-Za-z]/);
          expect(own, `${language} ${e.kind}: a placeholder left`).not.toMatch(/[{}]/);
          const shown = recordWords(tr(language), parts);
          for (const text of recordTexts(parts)) expect(shown).toContain(text);
        }
        const { date, text, sources } = timelineEntryWords(tr(language), e);
        const words = [date, text, sources ?? ''].join(' ');
        for (const english of ['Reason:', 'Outcome', 'hosted by', 'Participants', 'Agenda', 'not set', 'as stated on', 'name not known', '(expected)', 'on the record', 'unnamed', 'area ']) {
          // `not set` is in the record's own summary of one entry ("the exact date of the visit is not set")
          if (english === 'not set' && recordTexts(e.parts).some((x) => x.includes(english))) continue;
          expect(words, `${language}: '${english}' in ${text}`).not.toContain(english);
        }
      }
    }
  });
  test('one meeting as a Korean and a Japanese coordinator read it: their words around the record\'s', () => {
    const meeting = (language: Language) => timelineEntryWords(tr(language), timelines(language).find((e) => e.kind === 'meeting')!);
    expect(meeting('ko')).toEqual({
      date: '일자 미정 (예상 시기: within the year (2008-04-28 발언 기준))',
      text: '회의: Annual meeting of the defence ministers (주최: South Korea). 참가자: Defense Minister Shigeru Ishiba (JP); Defense Minister (his South Korean counterpart) (성명 미상, KR). ' +
        '의제: signing of the agreement on military cooperation. 결과: agreement signed (예상).',
      sources: ' (Defense Ministry spokesman Kim Hyong-ki (실명) (told reporters); Yonhap, SEOUL, April 28 (2008-04-28))',
    });
    expect(meeting('ja')).toEqual({
      date: '日程未定（開催見込み：within the year（2008-04-28時点の発言））',
      text: '会議：Annual meeting of the defence ministers（主催：South Korea）。参加者：Defense Minister Shigeru Ishiba（JP）、Defense Minister (his South Korean counterpart)（氏名不詳、KR）。' +
        '議題：signing of the agreement on military cooperation。結果：agreement signed（見込み）。',
      sources: '（Defense Ministry spokesman Kim Hyong-ki（実名）（told reporters）、Yonhap SEOUL, April 28（2008-04-28））',
    });
  });
  test('a status with its reason: the quoted reason keeps the source\'s names, the record\'s own names are the reader\'s', () => {
    const opposed = (language: Language) => timelines(language).find((e) => e.status === 'opposed')!;
    expect(timelineEntryWords(tr('ko'), opposed('ko')).text).toMatch(/^반대 표명: South Korea: Seoul opposed the move\. 사유: amid tension over Japan's claim to Dokdo in the East Sea /);
    expect(timelineEntryWords(tr('ja'), opposed('ja')).text).toMatch(/^反対表明：South Korea：Seoul opposed the move\. 理由：amid tension over Japan's claim to Dokdo in the East Sea /);
    const incident = timelines('ko').find((e) => e.kind === 'incident')!;
    expect(timelineEntryWords(tr('ko'), incident).text).toMatch(/^해상 사안: Near-clash near 독도: .* 결과: Tokyo called off/);
  });
  test('a programme\'s dates: "not set" and "as stated on" in the reader\'s words, days and phrases as given', () => {
    const stated = { kind: 'phrase', text: 'within the year', statedOn: '2027-05-02' } as const;
    expect([dateWords(tr('en'), { kind: 'not-set' }), dateWords(tr('en'), stated), dateWords(tr('en'), { kind: 'month', iso: '2027-05' })])
      .toEqual(['not set', 'within the year (as stated on 2027-05-02)', '2027-05']);
    expect([dateWords(tr('ko'), { kind: 'not-set' }), dateWords(tr('ko'), stated), dateWords(tr('ko'), { kind: 'year', year: 2027 })])
      .toEqual(['미정', 'within the year (2027-05-02 발언 기준)', '2027']);
    expect([dateWords(tr('ja'), { kind: 'not-set' }), dateWords(tr('ja'), stated), dateWords(tr('ja'), { kind: 'day', iso: '2027-05-12' })])
      .toEqual(['未定', 'within the year（2027-05-02時点の発言）', '2027-05-12']);
  });
});
