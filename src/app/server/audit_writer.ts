import type { FastifyBaseLogger } from 'fastify';
import type { AuditEntry, SarbridgeStore } from '../../io/storage/index.js';
import { escapeText } from './input_text.js';

/**
 * Collects audit lines and writes them in batches (one transaction every `flushMs`), so a read
 * costs no fsync of its own. Changes are also in the event log itself (author, party, time).
 * A line is never dropped silently: its texts are escaped (NUL, lone surrogates: what PostgreSQL
 * cannot hold, e.g. from a request path `/api/cases/a%00b`); when a batch fails while the database
 * is down (its health check fails too: a restart, a failover), the lines are kept and written when
 * it answers again (up to `MAX_BACKLOG` lines); when a batch fails while the database answers, its
 * lines are written one by one; a line that still fails, or that the backlog cannot hold, is
 * counted (`failedLines`, shown by /api/health) and logged whole.
 */
/** Audit lines kept while the database is down (about 300 bytes each: some 15 MB). */
export const MAX_BACKLOG = 50_000;
/** How often kept lines are tried again while the database is down, ms. */
const RETRY_MS = 1000;

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

  /**
   * Lines kept for the database to come back (0 while it answers: the lines of the next batch are
   * not counted), those of a retry being written included: counting only the queue said 0 while the
   * kept lines were in flight, and a reader of /api/health (pg_restart.test.ts) took them as written.
   */
  get backlog(): number { return this.waitingForDatabase ? this.pending.length + this.writing : 0; }
  /** Lines of the batch being written now. */
  private writing = 0;
  private waitingForDatabase = false;

  /** Write what is queued and stop keeping lines for later (the server closes): what cannot be written now is counted. */
  async close(): Promise<void> {
    this.closing = true;
    await this.flush();
  }
  private closing = false;

  /** Is the database not answering? (False when the store cannot tell: then each line is tried alone.) */
  private async databaseDown(): Promise<boolean> {
    try {
      return (await this.store.health()).database !== 'ok';
    } catch {
      return false;
    }
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
    this.writing = batch.length;
    try {
      await this.writeNow(batch);
    } finally {
      this.writing = 0;
    }
  }

  private async writeNow(batch: readonly AuditEntry[]): Promise<void> {
    try {
      await this.store.appendAudit(batch);
      this.waitingForDatabase = false;
      return;
    } catch (error) {
      if (!this.closing && await this.databaseDown()) {
        // keep the lines, older first, and try again; what the backlog cannot hold is counted and logged
        const kept = batch.slice(0, Math.max(0, MAX_BACKLOG - this.pending.length));
        for (const entry of batch.slice(kept.length)) { this.failedLines++; this.log?.error({ audit: entry }, 'audit line could not be stored: the database is down and the backlog is full'); }
        this.pending = [...kept, ...this.pending];
        this.waitingForDatabase = true;
        this.log?.warn({ err: error }, `audit batch of ${batch.length} line(s) failed: the database is down; ${this.pending.length} line(s) kept, tried again every ${RETRY_MS} ms`);
        this.timer ??= setTimeout(() => { void this.flush(); }, RETRY_MS);
        this.timer.unref?.();
        return;
      }
      this.log?.warn({ err: error }, `audit batch of ${batch.length} line(s) failed; writing them one by one`);
      this.waitingForDatabase = false;
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
