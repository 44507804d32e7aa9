import type { FastifyBaseLogger } from 'fastify';
import type { AuditEntry, SarbridgeStore } from '../../io/storage/index.js';
import { escapeText } from './input_text.js';

/**
 * Collects audit lines and writes them in batches (one transaction every `flushMs`), so a read
 * costs no fsync of its own. Changes are also in the event log itself (author, party, time).
 * A line is never dropped silently: its texts are escaped (NUL, lone surrogates: what PostgreSQL
 * cannot hold, e.g. from a request path `/api/cases/a%00b`); when a batch fails, its lines are
 * written one by one; a line that still fails is counted (`failedLines`, shown by /api/health)
 * and logged whole, and the next batch tries again from there.
 */
export class AuditWriter {
  private pending: AuditEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** Lines that could not be written to the store (each logged). */
  failedLines = 0;

  constructor(private readonly store: SarbridgeStore, private readonly flushMs = 200, private readonly log?: FastifyBaseLogger) {}

  /** Queue one line. */
  record(entry: AuditEntry): void {
    this.pending.push(storable(entry));
    this.timer ??= setTimeout(() => { void this.flush(); }, this.flushMs);
  }

  /** Write what is queued now. */
  flush(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.flushing.then(() => this.write(batch));
    return this.flushing;
  }

  private async write(batch: readonly AuditEntry[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      await this.store.appendAudit(batch);
      return;
    } catch (error) {
      this.log?.warn({ err: error }, `audit batch of ${batch.length} line(s) failed; writing them one by one`);
    }
    for (const entry of batch) {
      try {
        await this.store.appendAudit([entry]);
      } catch (error) {
        this.failedLines++;
        this.log?.error({ err: error, audit: entry }, 'audit line could not be stored');
      }
    }
  }
}

/** The entry with every text escaped so any store can hold it. */
function storable(e: AuditEntry): AuditEntry {
  const t = (text: string | null) => (text === null ? null : escapeText(text));
  return {
    at: e.at, userName: t(e.userName), party: t(e.party), action: escapeText(e.action), caseId: t(e.caseId), statusCode: e.statusCode,
    ...(e.detail === undefined ? {} : { detail: escapeText(e.detail) }),
  };
}
