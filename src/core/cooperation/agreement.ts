/**
 * The cooperation agreement as a record: its parties, title (provisional while not final),
 * provisions, text versions, and status history. Each status entry keeps its date as the source
 * gives it (possibly approximate), the reason, who acted, and the source of the fact.
 */
import type { ApproximateDate } from './approximate_date.js';
import type { PartyId } from './party.js';
import type { RecordHistory } from './record_history.js';

/** The stages an agreement passes through. */
export type AgreementStatus =
  | 'proposed' | 'opposed' | 'drafted' | 'under-consultation' | 'signing-expected'
  | 'signed' | 'in-force' | 'suspended' | 'terminated';

/** Every status, in the usual order of an agreement's life. */
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = [
  'proposed', 'opposed', 'drafted', 'under-consultation', 'signing-expected', 'signed', 'in-force', 'suspended', 'terminated',
];

/** How a status reads in a sentence (`under consultation`). */
export function agreementStatusLabel(status: AgreementStatus): string {
  return status.replace(/-/g, ' ');
}

/** One step of the agreement's status history. */
export interface AgreementStatusEntry {
  readonly status: AgreementStatus;
  readonly date: ApproximateDate;
  /** The party that acted (proposed, opposed, ...), when one did. */
  readonly actor?: PartyId;
  /** What happened, in the source's terms; `{place:id}` and `{party:id}` are named per reader. */
  readonly summary: string;
  /** Why, as the source gives it (same placeholders). */
  readonly reason?: string;
  /** Source ids. */
  readonly sources: readonly string[];
}

/** A provision of the agreement (e.g. regular joint search-and-rescue exercises between navies). */
export interface Provision {
  readonly id: string;
  readonly text: string;
  readonly sources: readonly string[];
}

/** A version of the agreement's text. */
export interface AgreementTextVersion {
  readonly id: string;
  readonly date: ApproximateDate;
  readonly description: string;
  readonly sources: readonly string[];
}

/** The agreement's record. */
export interface Agreement {
  readonly id: string;
  readonly parties: readonly PartyId[];
  readonly title: string;
  /** True while the official title is not final. */
  readonly titleProvisional: boolean;
  readonly provisions: readonly Provision[];
  readonly textVersions: readonly AgreementTextVersion[];
  /** Oldest first, as the sources tell it. */
  readonly statusHistory: readonly AgreementStatusEntry[];
  readonly record: RecordHistory;
}

/** The agreement's latest status (the last entry of its history), or undefined when it has none. */
export function currentAgreementStatus(agreement: Agreement): AgreementStatusEntry | undefined {
  return agreement.statusHistory[agreement.statusHistory.length - 1];
}
