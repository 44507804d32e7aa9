/**
 * This device's copy belongs to the user who made it: another user signed in on the same browser
 * (or no one, once signed out) reads none of it. IndexedDB and localStorage are in memory here.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

const idb = vi.hoisted(() => new Map<string, Map<string, unknown>>());
vi.mock('idb-keyval', () => ({
  createStore: (dbName: string, storeName: string) => {
    const name = `${dbName}/${storeName}`;
    if (!idb.has(name)) idb.set(name, new Map());
    return idb.get(name);
  },
  get: async (key: string, store: Map<string, unknown>) => store.get(key),
  set: async (key: string, value: unknown, store: Map<string, unknown>) => { store.set(key, structuredClone(value)); },
  del: async (key: string, store: Map<string, unknown>) => { store.delete(key); },
  keys: async (store: Map<string, unknown>) => [...store.keys()],
}));

const local = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (key: string) => local.get(key) ?? null,
  setItem: (key: string, value: string) => { local.set(key, value); },
  removeItem: (key: string) => { local.delete(key); },
});

const kim = { userName: 'kim', party: 'KR', roles: ['smc'] } as const;
const sato = { userName: 'sato', party: 'JP', roles: ['smc'] } as const;
/** KR's own event, released to no one: what KR's copy holds and JP's view never does. */
const krOnly = { caseId: 'c1', version: 2, type: 'report', author: 'kim', party: 'KR', recordedAt: '2026-03-10T07:00:00.000Z', basedOnVersion: 1, releasability: 'nothing', payload: { text: 'crew fatigue' } };
const queued = { localId: 'q1', caseId: 'c1', basedOnVersion: 2, event: { type: 'message', payload: { text: 'not sent yet' } }, createdAt: '2026-03-10T07:01:00.000Z', state: 'queued' };

/** The module as a fresh page load finds it (the device's storage kept). */
const page = async () => {
  vi.resetModules();
  return await import('./offline_store.js');
};

beforeEach(() => { idb.clear(); local.clear(); });

describe("this device's copy is its user's", () => {
  test('another user signed in on the same browser, or no one once signed out, reads none of it', async () => {
    const store = await page();
    await store.keepUser(kim as never);
    await store.keepEvents('c1', [krOnly as never]);
    await store.keepCases([{ caseId: 'c1', kind: 'case', title: 'raft', parties: ['KR', 'JP'], version: 2 } as never]);
    await store.keepOutbox([queued as never]);
    await store.keepAgreement({ viewerParty: 'KR' });
    store.keepDraft('report.c1', { text: 'KR draft' });

    await store.keepUser(null);   // signed out
    expect(await store.keptEvents('c1')).toEqual([]);
    expect(store.draft('report.c1')).toBeNull();

    await store.keepUser(sato as never);
    expect(await store.keptEvents('c1')).toEqual([]);
    expect(await store.keptCases()).toEqual([]);
    expect(await store.keptOutbox()).toEqual([]);   // kim's unsent message is not sent as sato's
    expect(await store.keptAgreement()).toBeNull();
    expect(store.draft('report.c1')).toBeNull();
    await store.keepEvents('c1', [{ caseId: 'c1', version: 2, withheld: true } as never]);

    // kim signs in again: their copy is there, untouched by sato's
    await store.keepUser(kim as never);
    expect(await store.keptEvents('c1')).toEqual([krOnly]);
    expect(await store.keptOutbox()).toEqual([queued]);
    expect(store.draft('report.c1')).toEqual({ text: 'KR draft' });
  });

  test("offline, a reload finds the last signed-in user and that user's copy", async () => {
    const before = await page();
    await before.keepUser(sato as never);
    await before.keepEvents('c1', [{ caseId: 'c1', version: 2, withheld: true } as never]);
    const after = await page();
    expect(await after.keptUser()).toEqual(sato);
    expect(await after.keptEvents('c1')).toEqual([{ caseId: 'c1', version: 2, withheld: true }]);
  });
});

describe('a copy kept before copies had their user\'s name', () => {
  const unnamed = async () => {
    const store = idb.get('sarbridge/kept') ?? new Map<string, unknown>();
    idb.set('sarbridge/kept', store);
    store.set('user', kim);
    store.set('outbox', [queued]);
    store.set('events/c1', [krOnly]);
    return store;
  };
  test('becomes its user\'s when they come back, offline or signing in, and nothing of it is lost', async () => {
    await unnamed();
    const s = await page();
    expect(await s.keptUser()).toEqual(kim);            // a reload offline
    expect(await s.keptOutbox()).toEqual([queued]);
    expect(await s.keptEvents('c1')).toEqual([krOnly]);
    expect(idb.get('sarbridge/kept')!.has('outbox')).toBe(false);
    idb.clear();
    await unnamed();
    const t = await page();
    await t.keepUser(kim);                               // signing in online
    expect(await t.keptOutbox()).toEqual([queued]);
  });
  test('another user signing in does not get it, and it waits for its own', async () => {
    await unnamed();
    const s = await page();
    await s.keepUser(sato);
    expect(await s.keptOutbox()).toEqual([]);
    expect(await s.keptEvents('c1')).toEqual([]);
    expect(idb.get('sarbridge/kept')!.get('outbox')).toEqual([queued]);
    await s.keepUser(null);
    await s.keepUser(kim);                               // its own user, after the other
    expect(await s.keptOutbox()).toEqual([queued]);
  });
});
