/**
 * Times as a coordinator reads them: always UTC first, then the party's local time labelled
 * KST or JST by us (Intl writes Asia/Seoul as "GMT+9" in Korean, so the label is not Intl's).
 */
import { LOCALES, translate, type Language } from './dictionary.js';

/** Each party's zone for local times and the label we print (ours, not Intl's). */
export const PARTY_TIME_ZONES: Readonly<Record<string, { readonly zone: string; readonly label: 'KST' | 'JST' }>> = {
  KR: { zone: 'Asia/Seoul', label: 'KST' },
  JP: { zone: 'Asia/Tokyo', label: 'JST' },
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-03-10 06:00 UTC`: the form every time takes first, whatever the language. */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** A time in a zone as `YYYY-MM-DD HH:MM`, digits from Intl (the zone's rules), layout ours. */
export function formatInZone(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** UTC, then the reader's party's local time labelled: `2026-03-10 06:00 UTC (15:00 KST)`. */
export function formatUtcWithLocal(ms: number, party: string, language: Language): string {
  const local = PARTY_TIME_ZONES[party];
  const utc = formatUtc(ms);
  if (!local) return utc;
  const inZone = formatInZone(ms, local.zone);
  const sameDay = inZone.slice(0, 10) === utc.slice(0, 10);
  return `${utc} (${sameDay ? inZone.slice(11) : inZone} ${translate(language, `time.${local.label}`)})`;
}

/** A number in the interface language's digits and separators. */
export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** A probability 0..1 as a percentage with one decimal: `79.8 %`. */
export function formatPercent(p: number, language: Language): string {
  return `${formatNumber(100 * p, language, 1)} %`;
}
