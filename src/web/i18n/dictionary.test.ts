import { describe, expect, test } from 'vitest';
import { LANGUAGES, preferredLanguage, translate } from './dictionary.js';
import { en } from './en.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { formatUtc, formatUtcWithLocal } from './time_format.js';

describe('dictionary', () => {
  test('every language has exactly the reference keys, none empty', () => {
    // the type already enforces this; the test guards against casts and `as` escapes
    for (const dict of [ko, ja]) {
      expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(dict)) expect(value.length, key).toBeGreaterThan(0);
    }
  });
  test('placeholders are the same in every language', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      for (const lang of LANGUAGES) expect(names(translate(lang, key)), `${lang} ${key}`).toEqual(names(en[key]));
    }
  });
  test('values fill placeholders; unknown ones stay visible', () => {
    expect(translate('en', 'plan.issued', { planId: 'P1', version: 7 })).toBe('Plan P1 issued (event 7).');
    expect(translate('en', 'plan.issued', { planId: 'P1' })).toBe('Plan P1 issued (event {version}).');
  });
  test('the browser language picks ours, English otherwise', () => {
    expect(preferredLanguage(['ko-KR', 'en'])).toBe('ko');
    expect(preferredLanguage(['fr-FR', 'ja'])).toBe('ja');
    expect(preferredLanguage(['de'])).toBe('en');
  });
});

describe('times', () => {
  const t = Date.UTC(2026, 2, 10, 6, 0);
  test('UTC first, then the party zone labelled by us (KST, not Intl\'s GMT+9)', () => {
    expect(formatUtc(t)).toBe('2026-03-10 06:00 UTC');
    expect(formatUtcWithLocal(t, 'KR', 'ko')).toBe('2026-03-10 06:00 UTC (15:00 KST)');
    expect(formatUtcWithLocal(t, 'JP', 'ja')).toBe('2026-03-10 06:00 UTC (15:00 JST)');
    expect(formatUtcWithLocal(Date.UTC(2026, 2, 10, 20, 30), 'KR', 'en')).toBe('2026-03-10 20:30 UTC (2026-03-11 05:30 KST)');
  });
});
