/**
 * The server's refusals in the reader's language. Every code of docs/errors.md the server answers
 * with has a summary in the dictionaries (`refusal.<code>`: what kind of refusal it is and what the
 * coordinator can do about it); the server's own detail follows it verbatim (it names the exact
 * field and value, in English), then the field the answer names. The dictionary is the one list
 * of codes the page knows (refusals.test.ts holds it to docs/errors.md).
 */
import type { MessageKey, MessageValues } from './dictionary.js';
import { en } from './en.js';

/** A translator (the app's `t`). */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** What the page keeps of a server's refusal (an ApiError, or a queued write refused later). */
export interface Refusal {
  readonly code: string;
  /** The server's own words. */
  readonly message: string;
  /** The request's part and path the refusal names (`body/payload/position/latDeg`). */
  readonly field?: string;
}

/** The summary's key for a server code, or undefined for a code the page does not know (a proxy's `HTTP_502`, a newer server's). */
export function refusalKey(code: string): MessageKey | undefined {
  const key = `refusal.${code}`;
  return Object.hasOwn(en, key) ? (key as MessageKey) : undefined;
}

/**
 * A failure inside the page (the planner Worker runs the core, whose errors carry the same codes
 * as the CLI's) in words: the summary in the reader's language (`problem.<code>`) before the
 * core's own detail, which names the field, file or time; a code without a summary, the detail alone.
 */
export function problemWords(t: Translate, code: string, detail: string): string {
  const key = `problem.${code}`;
  return Object.hasOwn(en, key) ? t('error.problem', { summary: t(key as MessageKey), detail }) : detail;
}

/** A refusal in words: the summary in the reader's language, then the server's detail and field (an unknown code: the generic words). */
export function refusalWords(t: Translate, refusal: Refusal): string {
  const key = refusalKey(refusal.code);
  if (!key) return t('error.server', { message: refusal.message });
  // a held plan: the plan panel lists the notifications it awaits right after these words
  if (refusal.code === 'SARB_PLAN_NOT_ISSUABLE') return `${t(key)} (${refusal.message})`;
  const values = { summary: t(key), detail: refusal.message };
  return refusal.field ? t('error.refusalField', { ...values, field: refusal.field }) : t('error.refusal', values);
}
