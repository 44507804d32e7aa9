/**
 * The interface's three languages as one typed dictionary: `en` is the reference, and `ko` and
 * `ja` are typed `Dictionary`, so a key missing from (or extra in) either is a compile error.
 * Values are filled with `{name}` placeholders; numbers and dates go through `Intl`.
 */
import { en } from './en.js';
import { ja } from './ja.js';
import { ko } from './ko.js';

/** A message key. */
export type MessageKey = keyof typeof en;
/** A complete dictionary: exactly the reference's keys. */
export type Dictionary = { readonly [K in MessageKey]: string };
/** The interface languages. */
export type Language = 'en' | 'ko' | 'ja';
export const LANGUAGES: readonly Language[] = ['en', 'ko', 'ja'];
/** Each language's name in itself (the language menu). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', ko: '한국어', ja: '日本語' };
/** BCP 47 locale used with Intl for each interface language. */
export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', ko: 'ko-KR', ja: 'ja-JP' };

const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { en, ko, ja };

/** Values for a message's placeholders. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** A message in a language, its placeholders filled (an unknown placeholder stays visible as `{name}`). */
export function translate(language: Language, key: MessageKey, values: MessageValues = {}): string {
  const text = DICTIONARIES[language][key];
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}

/** Whether a string names an interface language. */
export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ko' || value === 'ja';
}

/** The language a browser prefers among ours (English when none matches). */
export function preferredLanguage(navigatorLanguages: readonly string[]): Language {
  for (const tag of navigatorLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
