/**
 * What this device keeps so a coordinator can go on without the server: each case's log as last
 * seen, the case list, the outbox of events not yet acknowledged, and forcing files opened here.
 * IndexedDB through idb-keyval (small, well kept); a reload offline finds everything again.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { CaseSummary, NewEvent, UserView, ViewedEvent } from './types.js';

let store: UseStore | null = null;
const db = (): UseStore => (store ??= createStore('sarbridge', 'kept'));

/** An event written on this device and not yet acknowledged by the server. */
export interface QueuedEvent {
  /** Local id, for the page's lists. */
  readonly localId: string;
  readonly caseId: string;
  /** The version of the log the author saw when writing it (the server's version check). */
  readonly basedOnVersion: number;
  readonly event: NewEvent;
  readonly createdAt: string;
  /** `conflict`: the server refused it because the log had moved on; the author decides. */
  readonly state: 'queued' | 'conflict';
  readonly currentVersion?: number;
  readonly problem?: string;
}

/**
 * An event the server refused on its content (a rule, a field) when the outbox sent it after its
 * author had moved on (written offline, sent on reconnect): kept, and shown, until the author has read it.
 */
export interface RefusedEvent {
  readonly localId: string;
  readonly caseId: string;
  readonly event: NewEvent;
  readonly createdAt: string;
  readonly refusedAt: string;
  /** The server's stable code and words (docs/errors.md). */
  readonly code: string;
  readonly problem: string;
  /** The request's field the refusal names (`body/payload/text`), when it names one. */
  readonly field?: string;
}

export const keptEvents = async (caseId: string): Promise<ViewedEvent[]> => (await get<ViewedEvent[]>(`events/${caseId}`, db())) ?? [];
export const keepEvents = (caseId: string, events: readonly ViewedEvent[]): Promise<void> => set(`events/${caseId}`, events, db());
export const keptCases = async (): Promise<CaseSummary[]> => (await get<CaseSummary[]>('cases', db())) ?? [];
export const keepCases = (cases: readonly CaseSummary[]): Promise<void> => set('cases', cases, db());
export const keptOutbox = async (): Promise<QueuedEvent[]> => (await get<QueuedEvent[]>('outbox', db())) ?? [];
export const keepOutbox = (queue: readonly QueuedEvent[]): Promise<void> => set('outbox', queue, db());
export const keptRefused = async (): Promise<RefusedEvent[]> => (await get<RefusedEvent[]>('refused', db())) ?? [];
export const keepRefused = (refused: readonly RefusedEvent[]): Promise<void> => set('refused', refused, db());
export const keptUser = async (): Promise<UserView | null> => (await get<UserView>('user', db())) ?? null;
export const keepUser = (user: UserView | null): Promise<void> => (user ? set('user', user, db()) : del('user', db()));
/** A forcing file opened on this device, kept so a reload offline can run the same drift. */
export const keptLocalForcing = async (name: string): Promise<ArrayBuffer | null> => (await get<ArrayBuffer>(`forcing/${name}`, db())) ?? null;
export const keepLocalForcing = (name: string, bytes: ArrayBuffer): Promise<void> => set(`forcing/${name}`, bytes, db());

/** Drafts of forms (what was typed survives a reload): localStorage, synchronous and small. */
export function draft<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(`sarbridge.draft.${key}`);
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}
export function keepDraft(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(`sarbridge.draft.${key}`);
    else localStorage.setItem(`sarbridge.draft.${key}`, JSON.stringify(value));
  } catch { /* storage full or disabled: the form still works, it just will not survive a reload */ }
}
/** The server's cooperation agreement as last fetched (names, SRRs, rules work offline too). */
export const keptAgreement = async <T>(): Promise<T | null> => (await get<T>('agreement', db())) ?? null;
export const keepAgreement = (config: unknown): Promise<void> => set('agreement', config, db());
