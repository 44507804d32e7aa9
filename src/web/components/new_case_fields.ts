/**
 * The new-case form's fields as typed: a title and the parties as comma- or space-separated
 * codes. Checked before the case is opened, because the server takes any well-formed code: a
 * typo ("KR, JO") would open a case the other centre never sees, and one no party can close.
 */
import type { MessageKey, MessageValues } from '../i18n/dictionary.js';

/** The case to open, or what is wrong (a dictionary message). */
export type NewCaseReading =
  | { readonly kind: 'case'; readonly title: string; readonly parties: readonly string[] }
  | { readonly kind: 'problem'; readonly key: MessageKey; readonly values?: MessageValues };

/**
 * Read the form: a title that is not blank; parties as upper-case codes, each named once, the
 * reader's own among them and, when the server applies an agreement, each one of its parties.
 */
export function readNewCase(title: string, partiesText: string, ownParty: string, agreementParties: readonly string[] | null): NewCaseReading {
  const trimmed = title.trim();
  if (trimmed === '') return { kind: 'problem', key: 'newcase.needTitle' };
  const parties = [...new Set(partiesText.split(/[\s,、，]+/).map((p) => p.trim().toUpperCase()).filter(Boolean))];
  if (parties.length === 0) return { kind: 'problem', key: 'newcase.needParties' };
  if (agreementParties) {
    const unknown = parties.filter((p) => !agreementParties.includes(p));
    if (unknown.length > 0) return { kind: 'problem', key: 'newcase.unknownParty', values: { parties: unknown.join(', '), known: agreementParties.join(', ') } };
  }
  if (!parties.includes(ownParty)) return { kind: 'problem', key: 'newcase.ownParty', values: { party: ownParty } };
  return { kind: 'case', title: trimmed, parties };
}
