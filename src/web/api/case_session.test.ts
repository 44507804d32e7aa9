/**
 * The case session's outbox against a fake server that checks versions as the real one does
 * (app/case_log: a write based on an old version is refused with 409 and the current version).
 * Storage is in memory (IndexedDB is the browser's), the live socket never connects.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

const kept = new Map<string, unknown>();
vi.mock('./offline_store.js', () => ({
  keptEvents: async (caseId: string) => (kept.get(`events/${caseId}`) as unknown[]) ?? [],
  keepEvents: async (caseId: string, events: unknown[]) => { kept.set(`events/${caseId}`, [...events]); },
  keptOutbox: async () => (kept.get('outbox') as unknown[]) ?? [],
  keepOutbox: async (queue: unknown[]) => { kept.set('outbox', [...queue]); },
  keptRefused: async () => (kept.get('refused') as unknown[]) ?? [],
  keepRefused: async (refused: unknown[]) => { kept.set('refused', [...refused]); },
}));

interface StoredEvent { caseId: string; version: number; type: string; payload: unknown; basedOnVersion?: number; party: string; author: string }

/** A server with one case: GET events after a version, POST with the version check. */
class FakeServer {
  events: StoredEvent[] = [{ caseId: 'c1', version: 1, type: 'caseOpened', payload: { title: 't' }, party: 'KR', author: 'kim' }];
  reachable = true;
  fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    if (!this.reachable) throw new TypeError('Failed to fetch');
    const u = new URL(url, 'http://test');
    if (init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { basedOnVersion: number; type: string; payload: unknown };
      const current = this.events.length;
      if (body.basedOnVersion !== current) {
        return new Response(JSON.stringify({ code: 'SARB_VERSION_CONFLICT', message: `based on ${body.basedOnVersion}, the case is at ${current}`, currentVersion: current }), { status: 409 });
      }
      const event = { caseId: 'c1', version: current + 1, type: body.type, payload: body.payload, basedOnVersion: body.basedOnVersion, party: 'KR', author: 'kim' };
      this.events.push(event);
      return new Response(JSON.stringify({ event }), { status: 201 });
    }
    const after = Number(u.searchParams.get('afterVersion') ?? 0);
    return new Response(JSON.stringify({ events: this.events.filter((e) => e.version > after) }), { status: 200 });
  };
  /** Another party writes. */
  remote(type: string): void {
    this.events.push({ caseId: 'c1', version: this.events.length + 1, type, payload: { text: 'from JP' }, party: 'JP', author: 'sato' });
  }
}

class SilentSocket { onmessage: unknown = null; onclose: unknown = null; close(): void { /* never connected */ } }

let server: FakeServer;
beforeEach(() => {
  kept.clear();
  server = new FakeServer();
  vi.stubGlobal('fetch', server.fetch);
  vi.stubGlobal('WebSocket', SilentSocket);
  vi.stubGlobal('location', new URL('http://test/'));
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('removeEventListener', () => undefined);
});

const message = (text: string) => ({ type: 'message' as const, payload: { text } });

describe('CaseSession', () => {
  test('online, an event is sent at once with the version seen', async () => {
    const { CaseSession } = await import('./case_session.js');
    const s = await CaseSession.open('c1');
    expect(await s.append(message('one'))).toEqual({ sent: true, version: 2 });
    expect(server.events.map((e) => e.version)).toEqual([1, 2]);
    s.close();
  });

  test('offline, events wait in order and go out chained on the author\'s own versions when the link returns', async () => {
    const { CaseSession } = await import('./case_session.js');
    const s = await CaseSession.open('c1');
    server.reachable = false;
    const a = await s.append(message('one'));
    const b = await s.append(message('two'));
    expect(a.sent).toBe(false);
    expect(b.sent).toBe(false);
    expect(s.snapshot().outbox).toHaveLength(2);
    expect(s.snapshot().link).not.toBe('online');
    // a reload while offline still has them
    expect(kept.get('outbox')).toHaveLength(2);
    server.reachable = true;
    await s.retry();   // the browser's 'online' event or the live feed's marker does this
    expect(server.events.map((e) => [e.version, (e.payload as { text?: string }).text])).toEqual([[1, undefined], [2, 'one'], [3, 'two']]);
    expect(s.snapshot().outbox).toHaveLength(0);
    expect(s.version).toBe(3);
    s.close();
  });

  test('a write on a version the other party moved past is a conflict, never an overwrite; the author resends or drops it', async () => {
    const { CaseSession } = await import('./case_session.js');
    const s = await CaseSession.open('c1');
    server.reachable = false;
    await s.append(message('mine'));
    server.remote('report');   // JP reports meanwhile
    server.reachable = true;
    await s.retry();
    const [q] = s.snapshot().outbox;
    expect(q.state).toBe('conflict');
    expect(q.currentVersion).toBe(2);
    expect(s.version).toBe(2);   // what changed was fetched for the author to read
    expect(server.events).toHaveLength(2);   // nothing of mine was written over JP's report
    await s.resend(q.localId);
    expect(s.snapshot().outbox).toHaveLength(0);
    expect(server.events.map((e) => e.type)).toEqual(['caseOpened', 'report', 'message']);
    s.close();
  });

  test('a refusal on content is thrown to the author and holds nothing back', async () => {
    const { CaseSession } = await import('./case_session.js');
    const s = await CaseSession.open('c1');
    const realFetch = server.fetch;
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => (init?.method === 'POST' && String(init.body).includes('bad')
      ? new Response(JSON.stringify({ code: 'SARB_INVALID_INPUT', message: 'body/payload/text: too long', field: 'body/payload/text' }), { status: 400 })
      : realFetch(url, init)));
    await expect(s.append(message('bad'))).rejects.toThrow(/too long/);
    expect(await s.append(message('good'))).toEqual({ sent: true, version: 2 });
    s.close();
  });

  test('a refusal of an event the outbox sent later (written offline) is kept in the server\'s words until dismissed, across a reload', async () => {
    const { CaseSession } = await import('./case_session.js');
    const s = await CaseSession.open('c1');
    server.reachable = false;
    expect((await s.append(message('bad'))).sent).toBe(false);
    const realFetch = server.fetch;
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => (init?.method === 'POST' && String(init.body).includes('bad')
      ? new Response(JSON.stringify({ code: 'SARB_ACCESS_DENIED', message: 'event 5 was written by JP: only JP corrects or retracts it' }), { status: 403 })
      : realFetch(url, init)));
    server.reachable = true;
    await s.retry();
    expect(s.snapshot().outbox).toHaveLength(0);
    expect(s.snapshot().refused).toMatchObject([{ code: 'SARB_ACCESS_DENIED', problem: 'event 5 was written by JP: only JP corrects or retracts it', event: { type: 'message' } }]);
    s.close();
    const again = await CaseSession.open('c1');
    expect(again.snapshot().refused).toHaveLength(1);
    await again.dismissRefusal(again.snapshot().refused[0].localId);
    expect(again.snapshot().refused).toHaveLength(0);
    expect(kept.get('refused')).toEqual([]);
    again.close();
  });

  test('a write to a case closed meanwhile is a refusal to read, not a conflict to resend', async () => {
    const { CaseSession } = await import('./case_session.js');
    const s = await CaseSession.open('c1');
    server.reachable = false;
    expect((await s.append(message('late'))).sent).toBe(false);
    const realFetch = server.fetch;
    // the server answers a closed case with 409 and the version it was closed at, as http_errors.ts does
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => (init?.method === 'POST'
      ? new Response(JSON.stringify({ code: 'SARB_CASE_CLOSED', message: "case 'c1' was closed at version 1 and takes no more events", currentVersion: 1 }), { status: 409 })
      : realFetch(url, init)));
    server.reachable = true;
    await s.retry();
    expect(s.snapshot().outbox).toHaveLength(0);
    expect(s.snapshot().refused).toMatchObject([{ code: 'SARB_CASE_CLOSED', event: { type: 'message', payload: { text: 'late' } } }]);
    s.close();
  });
});
