/**
 * What the server sends, typed from the server's own definitions: the event payloads come from
 * app/case_log/events.ts (one schema for the server and the page), the rest mirrors the routes.
 */
import type { CaseEventPayload, CaseEventType } from '../../app/case_log/events.js';

export type { CaseEventPayload, CaseEventType };

/** The signed-in user. */
export interface UserView { readonly userName: string; readonly party: string; readonly roles: readonly string[] }

/** A case as listed. */
export interface CaseSummary {
  readonly caseId: string; readonly kind: string; readonly title: string; readonly parties: readonly string[];
  readonly version: number; readonly openedAt: string;
}

/** One event as this reader may see it: whole, reduced to its position, or withheld. */
export interface ViewedEvent {
  readonly caseId: string;
  readonly version: number;
  readonly type?: CaseEventType;
  readonly author?: string;
  readonly party?: string;
  readonly recordedAt?: string;
  readonly basedOnVersion?: number;
  readonly releasability?: 'everything' | 'position-only' | 'nothing';
  readonly payload?: Record<string, unknown>;
  readonly redacted?: boolean;
  readonly withheld?: boolean;
  /** Units of another party left out of these planning inputs or this plan (the agreement's releasability). */
  readonly withheldUnits?: number;
}

/** An event to append: based on the version the author saw. */
export interface NewEvent<T extends CaseEventType = CaseEventType> {
  readonly type: T;
  readonly payload: CaseEventPayload<T>;
  readonly releasability?: 'everything' | 'position-only' | 'nothing';
}
