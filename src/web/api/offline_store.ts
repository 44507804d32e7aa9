/**
 * What this device keeps so a coordinator can go on without the server: each case's log as last
 * seen, the case list, the outbox of events not yet acknowledged, and forcing files opened here.
 * IndexedDB through idb-keyval (small, well kept); a reload offline finds everything again.
 * Everything but the last user is kept under the signed-in user's name: a case's log is that
 * user's party's view of it and the outbox holds their writes, so another user signed in on the
 * same browser (or no one, once signed out) reads and sends none of it.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { CaseSummary, NewEvent, UserView, ViewedEvent } from './types.js';

let store: UseStore | null = null;
const db = (): UseStore => (store ??= createStore('sarbridge', 'kept'));
/** Whose copy is read and written: the user keepUser or keptUser last gave; null when signed out. */
let owner: string | null = null;
/** `key` in the owner's copy, or null without one. */
const mine = (key: string): string | null => (owner === null ? null : `of/${owner}/${key}`);
async function keptOf<T>(key: string): Promise<T | undefined> {
  const k = mine(key);
  return k === null ? undefined : await get<T>(k, db());
}
async function keepOf(key: string, value: unknown): Promise<void> {
  const k = mine(key);
  if (k !== null) await set(k, value, db());
}

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

export const keptEvents = async (caseId: string): Promise<ViewedEvent[]> => (await keptOf<ViewedEvent[]>(`events/${caseId}`)) ?? [];
export const keepEvents = (caseId: string, events: readonly ViewedEvent[]): Promise<void> => keepOf(`events/${caseId}`, events);
export const keptCases = async (): Promise<CaseSummary[]> => (await keptOf<CaseSummary[]>('cases')) ?? [];
export const keepCases = (cases: readonly CaseSummary[]): Promise<void> => keepOf('cases', cases);
export const keptOutbox = async (): Promise<QueuedEvent[]> => (await keptOf<QueuedEvent[]>('outbox')) ?? [];
export const keepOutbox = (queue: readonly QueuedEvent[]): Promise<void> => keepOf('outbox', queue);
export const keptRefused = async (): Promise<RefusedEvent[]> => (await keptOf<RefusedEvent[]>('refused')) ?? [];
export const keepRefused = (refused: readonly RefusedEvent[]): Promise<void> => keepOf('refused', refused);
/** The last user signed in on this device (a reload offline goes on as them, with their copy). */
export async function keptUser(): Promise<UserView | null> {
  const user = (await get<UserView>('user', db())) ?? null;
  owner = user?.userName ?? null;
  if (user) await adoptUnnamedCopy(user.userName);
  return user;
}
/** The user signed in now, or null once signed out: from here on the copy read and written is theirs. */
export async function keepUser(user: UserView | null): Promise<void> {
  owner = user?.userName ?? null;
  if (!user) return del('user', db());
  await adoptUnnamedCopy(user.userName);
  await set('user', user, db());
}

/** Keys of the copy as kept before it was kept under its user's name. */
const UNNAMED = (key: string): boolean => ['cases', 'outbox', 'refused', 'agreement'].includes(key) || key.startsWith('events/') || key.startsWith('forcing/');
/**
 * A copy kept before copies had their user's name (an outbox of writes not yet sent among it)
 * belongs to the user then signed in, the 'user' record: when that user signs in again it becomes
 * theirs, so an update loses none of it; another user's sign-in leaves it for them.
 */
async function adoptUnnamedCopy(userName: string): Promise<void> {
  // whose it is, noted the first time this version looks (before any sign-in replaces 'user')
  let whose = await get<string | null>('unnamedCopyOf', db());
  if (whose === undefined) {
    whose = (await get<UserView>('user', db()))?.userName ?? null;
    await set('unnamedCopyOf', whose, db());
  }
  if (whose !== userName) return;
  for (const key of await keys<string>(db())) {
    if (typeof key !== 'string' || !UNNAMED(key)) continue;
    const value = await get(key, db());
    if ((await get(`of/${userName}/${key}`, db())) === undefined) await set(`of/${userName}/${key}`, value, db());
    await del(key, db());
  }
}
/** A forcing file opened on this device, kept so a reload offline can run the same drift. */
export const keptLocalForcing = async (name: string): Promise<ArrayBuffer | null> => (await keptOf<ArrayBuffer>(`forcing/${name}`)) ?? null;
export const keepLocalForcing = (name: string, bytes: ArrayBuffer): Promise<void> => keepOf(`forcing/${name}`, bytes);

/** Drafts of forms (what was typed survives a reload): localStorage, synchronous and small; the signed-in user's. */
export function draft<T>(key: string): T | null {
  if (owner === null) return null;
  try {
    const text = localStorage.getItem(`sarbridge.draft.${owner}.${key}`);
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}
export function keepDraft(key: string, value: unknown): void {
  if (owner === null) return;
  try {
    if (value === null) localStorage.removeItem(`sarbridge.draft.${owner}.${key}`);
    else localStorage.setItem(`sarbridge.draft.${owner}.${key}`, JSON.stringify(value));
  } catch { /* storage full or disabled: the form still works, it just will not survive a reload */ }
}
/** The server's cooperation agreement as last fetched, as the user's party may see it (names, SRRs, rules work offline too). */
export const keptAgreement = async <T>(): Promise<T | null> => (await keptOf<T>('agreement')) ?? null;
export const keepAgreement = (config: unknown): Promise<void> => keepOf('agreement', config);
