import type { AuditEntry, SarbridgeStore } from '../../io/storage/index.js';

/**
 * Collects audit lines and writes them in batches (one transaction every `flushMs`), so a read
 * costs no fsync of its own. Changes are also in the event log itself (author, party, time).
 */
export class AuditWriter {
  private pending: AuditEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly store: SarbridgeStore, private readonly flushMs = 200) {}

  /** Queue one line. */
  record(entry: AuditEntry): void {
    this.pending.push(entry);
    this.timer ??= setTimeout(() => { void this.flush(); }, this.flushMs);
  }

  /** Write what is queued now. */
  flush(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => (batch.length ? this.store.appendAudit(batch) : undefined)).catch(() => undefined);
    return this.flushing;
  }
}
