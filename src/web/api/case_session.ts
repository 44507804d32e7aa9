/**
 * One open case as the page holds it: the events this reader may see (from the server, else
 * from this device's copy), the live feed that keeps them current, and the outbox that sends what
 * was written here, in order, each with the version its author saw. A refusal on version is a
 * conflict shown to the author, never a silent overwrite.
 */
import { api, ApiError, NetworkError } from './http.js';
import { keepEvents, keepOutbox, keepRefused, keptEvents, keptOutbox, keptRefused, type QueuedEvent, type RefusedEvent } from './offline_store.js';
import type { NewEvent, ViewedEvent } from './types.js';

/** The state of the link to the server for this case. */
export type LinkState = 'online' | 'offline' | 'reconnecting';

/** What a session tells its listeners. */
export interface CaseSnapshot {
  readonly caseId: string;
  readonly events: readonly ViewedEvent[];
  readonly version: number;
  readonly link: LinkState;
  /** Events written here and not yet acknowledged (queued or in conflict). */
  readonly outbox: readonly QueuedEvent[];
  /** Events received over the live feed since the session opened. */
  readonly liveEvents: number;
  /** Events the server refused when the outbox sent them after their author had moved on: kept until dismissed. */
  readonly refused: readonly RefusedEvent[];
}

/** What became of an appended event: acknowledged by the server, or kept here for later. */
export type AppendOutcome = { readonly sent: true; readonly version: number } | { readonly sent: false; readonly queued: QueuedEvent };

const RECONNECT_MS = [500, 1000, 2000, 4000, 8000];

export class CaseSession {
  private events: ViewedEvent[] = [];
  private outbox: QueuedEvent[] = [];
  private refused: RefusedEvent[] = [];
  private link: LinkState = 'reconnecting';
  private socket: WebSocket | null = null;
  private closed = false;
  private attempts = 0;
  private sending = false;
  private liveEvents = 0;
  private readonly listeners = new Set<(s: CaseSnapshot) => void>();

  private constructor(readonly caseId: string) {}

  /** Open a case: this device's copy at once, then the server's events after it, then live. */
  static async open(caseId: string): Promise<CaseSession> {
    const session = new CaseSession(caseId);
    session.events = await keptEvents(caseId);
    session.outbox = (await keptOutbox()).filter((q) => q.caseId === caseId);
    session.refused = (await keptRefused()).filter((r) => r.caseId === caseId);
    try {
      await session.catchUp();
      session.link = 'online';
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      if (session.events.length === 0) throw error;   // nothing kept here: the caller says why
      session.link = 'offline';
    }
    session.connect();
    void session.flush();
    session.onOnline = () => { void session.catchUp().then(() => session.flush(), () => undefined); };
    addEventListener('online', session.onOnline);
    return session;
  }

  get version(): number { return this.events.length ? this.events[this.events.length - 1].version : 0; }

  snapshot(): CaseSnapshot {
    return { caseId: this.caseId, events: this.events, version: this.version, link: this.link, outbox: this.outbox, liveEvents: this.liveEvents, refused: this.refused };
  }

  subscribe(listener: (s: CaseSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot());
    return () => this.listeners.delete(listener);
  }

  /**
   * Append an event based on the version this reader sees now. Online it is sent at once and the
   * server's answer returned; offline (or if the link drops) it waits in the outbox and is sent,
   * with the same version check, when the link returns.
   */
  async append(event: NewEvent): Promise<AppendOutcome> {
    const queued: QueuedEvent = {
      localId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      caseId: this.caseId, basedOnVersion: this.version, event, createdAt: new Date().toISOString(), state: 'queued',
    };
    this.outbox.push(queued);
    await this.saveOutbox();
    this.emit();
    const outcome = new Promise<AppendOutcome>((resolve, reject) => this.waiters.set(queued.localId, { resolve, reject }));
    void this.flush();
    return outcome;
  }

  /** Try the outbox again now (the browser says the network is back; the live feed also does it). */
  retry(): Promise<void> { return this.flush(); }

  /** Send a conflicted event again, now based on the current version (the author has read what changed). */
  async resend(localId: string): Promise<void> {
    this.outbox = this.outbox.map((q) => (q.localId === localId ? { ...q, basedOnVersion: this.version, state: 'queued' as const, problem: undefined, currentVersion: undefined } : q));
    this.emit();
    await this.saveOutbox();
    await this.flush();
  }

  /** Drop an event from the outbox (a conflict the author does not want to send). */
  async drop(localId: string): Promise<void> {
    this.outbox = this.outbox.filter((q) => q.localId !== localId);
    await this.saveOutbox();
    this.emit();
  }

  /** The author has read a refusal: forget it. */
  async dismissRefusal(localId: string): Promise<void> {
    this.refused = this.refused.filter((r) => r.localId !== localId);
    await this.saveRefused();
    this.emit();
  }

  private onOnline: (() => void) | null = null;

  close(): void {
    if (this.onOnline) removeEventListener('online', this.onOnline);
    this.closed = true;
    this.socket?.close();
    this.listeners.clear();
  }

  /** Fetch the events after the last one held (pages of up to 1000). */
  private async catchUp(): Promise<void> {
    for (;;) {
      const { events } = await api<{ events: ViewedEvent[] }>('GET', `/api/cases/${encodeURIComponent(this.caseId)}/events?afterVersion=${this.version}`);
      if (events.length === 0) break;
      this.add(events);
      if (events.length < 1000) break;
    }
    await keepEvents(this.caseId, this.events);
  }

  private add(events: readonly ViewedEvent[]): void {
    // a new array when events arrive, so what the page derives from the events (memos, the map's
    // layers, corrections) sees the change: the snapshot hands out this array itself
    let next: ViewedEvent[] | null = null;
    for (const e of events) {
      const version = next ? next[next.length - 1].version : this.version;
      if (e.version !== version + 1) continue;   // held already, or a gap: catchUp fills it on the next connect
      (next ??= this.events.slice()).push(e);
    }
    if (next) { this.events = next; this.emit(); }
  }

  private connect(): void {
    if (this.closed) return;
    const url = new URL(`/api/cases/${encodeURIComponent(this.caseId)}/live?afterVersion=${this.version}`, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as { kind: string; event?: ViewedEvent };
      if (data.kind === 'live') {
        this.attempts = 0;
        this.setLink('online');
        void keepEvents(this.caseId, this.events);
        void this.flush();
      } else if (data.kind === 'event' && data.event) {
        if (data.event.version > this.version + 1) { socket.close(); return; }   // missed some: reconnect resumes from our version
        this.liveEvents++;
        this.add([data.event]);
        void keepEvents(this.caseId, this.events);
      }
    };
    socket.onclose = () => {
      if (this.closed || this.socket !== socket) return;
      this.setLink(navigator.onLine ? 'reconnecting' : 'offline');
      // a copy ahead of the server (its store was replaced) is refused on resume: start again from 0
      if (this.attempts >= 2) void this.checkAhead();
      const delay = RECONNECT_MS[Math.min(this.attempts++, RECONNECT_MS.length - 1)];
      setTimeout(() => this.connect(), delay);
    };
  }

  /** When the server's log is shorter than this device's copy, the copy is of another history: drop it. */
  private async checkAhead(): Promise<void> {
    try {
      const { state } = await api<{ state: { version: number } | null }>('GET', `/api/cases/${encodeURIComponent(this.caseId)}`);
      if (state && state.version < this.version) {
        this.events = [];
        await this.catchUp();
        this.emit();
      }
    } catch { /* unreachable: keep the copy and retry */ }
  }

  /** Send the outbox in order; stop at the first conflict or lost link. */
  private async flush(): Promise<void> {
    if (this.sending) { this.flushAgain = true; return; }
    this.sending = true;
    try {
      do {
        this.flushAgain = false;
        await this.sendQueued();
      } while (this.flushAgain && this.link === 'online');
    } finally {
      this.sending = false;
      await keepEvents(this.caseId, this.events);
      // whatever is still in the outbox waits for the link (or for its author, on a conflict)
      for (const q of this.outbox) this.settle(q.localId, { sent: false, queued: q });
      this.emit();
    }
  }

  private async sendQueued(): Promise<void> {
    for (;;) {
      const next = this.outbox[0];
      if (!next || next.state === 'conflict') return;
      try {
        const { event } = await api<{ event: ViewedEvent }>('POST', `/api/cases/${encodeURIComponent(this.caseId)}/events`, {
          basedOnVersion: next.basedOnVersion, type: next.event.type, payload: next.event.payload,
          ...(next.event.releasability ? { releasability: next.event.releasability } : {}),
        });
        this.outbox.shift();
        // what was written after it on the same view had it before its eyes (it was in the outbox):
        // those are based on this event now, not on the version before it
        this.outbox = this.outbox.map((q) => (q.basedOnVersion === next.basedOnVersion ? { ...q, basedOnVersion: event.version } : q));
        // the event joins the log before any await, so a write made meanwhile is based on it
        this.add([event]);
        await this.saveOutbox();
        this.setLink('online');
        this.settle(next.localId, { sent: true, version: event.version });
      } catch (error) {
        if (error instanceof NetworkError) { this.setLink(navigator.onLine ? 'reconnecting' : 'offline'); return; }
        if (error instanceof ApiError) this.setLink('online');   // the server answered: the link is up
        // a closed case answers 409 with its version too, but resending on that version cannot help:
        // it is a refusal the author reads, not a conflict to resolve
        if (error instanceof ApiError && error.code === 'SARB_VERSION_CONFLICT' && error.currentVersion !== undefined) {
          // the log moved on while this was written: fetch what changed, and let the author decide
          this.outbox[0] = { ...next, state: 'conflict', currentVersion: error.currentVersion, problem: error.message };
          await this.saveOutbox();
          try { await this.catchUp(); } catch { /* shown as it is */ }
          return;
        }
        // a refusal on content (a bad field, a rule) is the author's to read; it does not hold back the rest
        this.outbox.shift();
        await this.saveOutbox();
        // nobody waits for an event sent from the outbox after its author moved on: keep the
        // refusal, in the server's words, until the author has read it (never dropped silently)
        if (!this.waiters.has(next.localId)) {
          const e = error as { code?: string; message?: string; field?: string };
          this.refused = [...this.refused, { localId: next.localId, caseId: this.caseId, event: next.event, createdAt: next.createdAt,
            refusedAt: new Date().toISOString(), code: e.code ?? 'SARB_PAGE', problem: e.message ?? String(error), ...(e.field ? { field: e.field } : {}) }];
          await this.saveRefused();
          this.emit();
        }
        this.settle(next.localId, error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private settle(localId: string, outcome: AppendOutcome | Error): void {
    const waiter = this.waiters.get(localId);
    if (!waiter) return;
    this.waiters.delete(localId);
    if (outcome instanceof Error) waiter.reject(outcome);
    else waiter.resolve(outcome);
  }

  private readonly waiters = new Map<string, { resolve: (o: AppendOutcome) => void; reject: (e: Error) => void }>();
  private flushAgain = false;

  private async saveOutbox(): Promise<void> {
    const others = (await keptOutbox()).filter((q) => q.caseId !== this.caseId);
    await keepOutbox([...others, ...this.outbox]);
  }

  private async saveRefused(): Promise<void> {
    const others = (await keptRefused()).filter((r) => r.caseId !== this.caseId);
    await keepRefused([...others, ...this.refused]);
  }

  private setLink(link: LinkState): void {
    if (this.link === link) return;
    this.link = link;
    this.emit();
  }

  private emit(): void {
    const s = this.snapshot();
    for (const listener of this.listeners) listener(s);
  }
}
