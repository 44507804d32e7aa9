import type { SarbridgeStore, StoredEvent } from '../../io/storage/index.js';
import type { CaseEvent, ViewedEvent } from '../case_log/index.js';
import { correctionMarkOf, viewEvent } from '../case_log/index.js';

/** What a party may see of an event (CaseLog.view: releasability, and the agreement's units). */
export type EventView = (event: CaseEvent, party: string) => ViewedEvent;

/** One live client of a case: its party (for releasability) and the last version it was sent. */
export interface LiveSubscriber {
  readonly party: string;
  /** Called with each message (a JSON text) in version order. */
  send(text: string): void;
  /**
   * Whether the subscriber may still follow the case once this event is in it (an exercise's
   * control stream: a controllersSet that no longer names them). On false, the event and every
   * later one are not sent: the subscription ends and `revoke` is called. Absent: always.
   */
  admits?(event: StoredEvent): boolean;
  revoke?(): void;
}

interface Subscription {
  readonly subscriber: LiveSubscriber;
  cursor: number;
  catchingUp: boolean;
}

/**
 * The live messages of one event as a party sees it: the event, and after a correction or
 * retraction the reader may see, `{"kind":"eventMarked","eventVersion":n,"correctedBy"|"retractedBy":mark}`,
 * so a subscriber that already holds the original learns it was corrected (the same mark GET
 * …/events puts on it: app/case_log/correction_marks.ts). A withheld correction marks nothing.
 */
function messagesOf(viewed: ViewedEvent): string[] {
  const texts = [JSON.stringify({ kind: 'event', event: viewed })];
  const m = correctionMarkOf(viewed);
  if (m) texts.push(JSON.stringify({ kind: 'eventMarked', eventVersion: m.eventVersion, [m.retraction ? 'retractedBy' : 'correctedBy']: m.mark }));
  return texts;
}

/** Characters written to subscribers before the delivery loop yields to the event loop. */
const DELIVERY_SLICE_CHARS = 4 * 1024 * 1024;

/** Recent events kept per case, so subscribers a little behind are served without a read. */
const RECENT_EVENTS = 500;

class CaseChannel {
  readonly subscriptions = new Set<Subscription>();
  /** Highest version fetched from the store. */
  cursor = 0;
  recent: { event: StoredEvent; texts: Map<string, readonly string[]> }[] = [];
  private fetching: Promise<void> | null = null;
  private again = false;

  constructor(readonly caseId: string, private readonly store: SarbridgeStore, private readonly view: EventView) {}

  /** Fetch what is new (one read for all subscribers) and deliver it; coalesces bursts of pokes. */
  poke(): Promise<void> {
    if (this.fetching) { this.again = true; return this.fetching; }
    this.fetching = (async () => {
      do {
        this.again = false;
        const fresh = await this.store.readEvents(this.caseId, this.cursor);
        for (const event of fresh) {
          if (event.version !== this.cursor + 1) break;
          this.cursor = event.version;
          this.recent.push({ event, texts: new Map() });
        }
        if (this.recent.length > RECENT_EVENTS) this.recent.splice(0, this.recent.length - RECENT_EVENTS);
        // a large event (a maximum-size drift run's summary is ~150 kB) to hundreds of subscribers:
        // requests and the drift pool's messages are let in every few MB written, not after all of it
        let sent = 0;
        for (const s of this.subscriptions) {
          sent += this.deliver(s);
          if (sent > DELIVERY_SLICE_CHARS) { sent = 0; await new Promise((resolve) => setImmediate(resolve)); }
        }
      } while (this.again);
    })().finally(() => { this.fetching = null; });
    return this.fetching;
  }

  /** Send a subscriber everything after its cursor, from memory or (when too far behind) from the store; returns the characters sent. */
  deliver(s: Subscription): number {
    if (s.catchingUp || s.cursor >= this.cursor) return 0;
    const first = this.recent.length ? this.recent[0].event.version : this.cursor + 1;
    if (s.cursor < first - 1) { void this.catchUp(s); return 0; }
    let sent = 0;
    for (const item of this.recent) {
      if (item.event.version <= s.cursor) continue;
      if (!this.admitted(s, item.event)) return sent;
      let texts = item.texts.get(s.subscriber.party);
      if (texts === undefined) {
        texts = messagesOf(this.view(item.event as CaseEvent, s.subscriber.party));
        item.texts.set(s.subscriber.party, texts);
      }
      for (const text of texts) { s.subscriber.send(text); sent += text.length; }
      s.cursor = item.event.version;
    }
    return sent;
  }

  /** Does the subscriber still follow the case with `event` in it? If not, its subscription ends here. */
  private admitted(s: Subscription, event: StoredEvent): boolean {
    if (!s.subscriber.admits || s.subscriber.admits(event)) return true;
    this.subscriptions.delete(s);
    s.subscriber.revoke?.();
    return false;
  }

  /** Read from the store what a subscriber missed, then continue from memory. */
  async catchUp(s: Subscription): Promise<void> {
    s.catchingUp = true;
    try {
      for (;;) {
        const missed = await this.store.readEvents(this.caseId, s.cursor, 1000);
        if (!this.subscriptions.has(s)) return;
        for (const event of missed) {
          if (!this.admitted(s, event)) return;
          for (const text of messagesOf(this.view(event as CaseEvent, s.subscriber.party))) s.subscriber.send(text);
          s.cursor = event.version;
        }
        if (missed.length < 1000) break;
      }
    } finally {
      s.catchingUp = false;
    }
    this.deliver(s);
  }
}

/**
 * Live updates: every subscriber of a case receives the events after the version it gave, in
 * order, each filtered for its party. The store's append notifications (in process for SQLite,
 * LISTEN/NOTIFY across instances for PostgreSQL) only poke a case; the events themselves are read
 * from the store, so a lost notification delays an event but never skips it.
 */
export class LiveHub {
  private readonly channels = new Map<string, CaseChannel>();
  private readonly stop: () => void;
  private readonly timer: NodeJS.Timeout;

  /**
   * `pollMs`: every so often each watched case is read again anyway, so an event whose
   * notification was lost (a dropped LISTEN connection) still arrives within that time.
   * `view`: what a party may see of an event (default its releasability only; the app passes CaseLog.view).
   */
  constructor(private readonly store: SarbridgeStore, pollMs = 5000, private readonly view: EventView = viewEvent) {
    this.stop = store.onAppended((caseId) => { void this.channels.get(caseId)?.poke(); });
    this.timer = setInterval(() => { for (const c of this.channels.values()) void c.poke().catch(() => undefined); }, pollMs);
    this.timer.unref();
  }

  /**
   * Subscribe to a case from `afterVersion` (0: from the start). Missed events are sent first,
   * then a `{"kind":"live","version":n}` marker, then new events as they come. Returns the
   * unsubscribe function.
   */
  async subscribe(caseId: string, afterVersion: number, subscriber: LiveSubscriber): Promise<() => void> {
    let channel = this.channels.get(caseId);
    if (!channel) {
      channel = new CaseChannel(caseId, this.store, this.view);
      channel.cursor = (await this.store.getCase(caseId))?.version ?? 0;
      const existing = this.channels.get(caseId);   // another subscriber may have created it meanwhile
      if (existing) channel = existing; else this.channels.set(caseId, channel);
    }
    const s: Subscription = { subscriber, cursor: afterVersion, catchingUp: false };
    channel.subscriptions.add(s);
    await channel.catchUp(s);
    subscriber.send(JSON.stringify({ kind: 'live', version: s.cursor }));
    void channel.poke();
    const c = channel;
    return () => {
      c.subscriptions.delete(s);
      if (c.subscriptions.size === 0 && this.channels.get(caseId) === c) this.channels.delete(caseId);
    };
  }

  /**
   * Send a message that is not an event of the log (a drift run's progress, live_routes.ts) to the
   * subscribers of a case whose party `mayReceive` allows, now, on this instance only. Such a
   * message has no version: a client that was not connected misses it and reads the state again.
   */
  notify(caseId: string, message: object, mayReceive: (party: string) => boolean): void {
    const channel = this.channels.get(caseId);
    if (!channel) return;
    const text = JSON.stringify(message);
    for (const s of channel.subscriptions) if (mayReceive(s.subscriber.party)) s.subscriber.send(text);
  }

  /** Subscribers across all cases (for health and tests). */
  get subscriberCount(): number {
    let n = 0;
    for (const c of this.channels.values()) n += c.subscriptions.size;
    return n;
  }

  close(): void {
    clearInterval(this.timer);
    this.stop();
    this.channels.clear();
  }
}
