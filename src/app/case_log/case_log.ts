import { randomUUID } from 'node:crypto';
import { CaseNotFoundError, type CaseRow, type SarbridgeStore } from '../../io/storage/index.js';
import { checkMayRead, decide, type CaseCommand, type CaseContext } from './commands.js';
import type { CaseEvent, CaseEventPayload, ViewedEvent } from './events.js';
import type { Actor } from './roles.js';
import { foldCase, type CaseState } from './state.js';
import { viewEvent } from './view.js';

/**
 * The case log service: commands in, events out, state rebuilt from events, every read filtered
 * for the reader's party. Stateless over the store, so any number of server instances can share
 * one PostgreSQL database.
 */
export class CaseLog {
  constructor(private readonly store: SarbridgeStore, private readonly clock: () => Date = () => new Date()) {}

  /** Open a case or exercise (released to every party of it); the opener's party must be among `parties`. */
  async open(actor: Actor, opening: CaseEventPayload<'caseOpened'>, caseId: string = randomUUID()): Promise<CaseEvent> {
    const draft = decide(null, caseId, { type: 'caseOpened', payload: opening, basedOnVersion: 0 }, actor, this.clock());
    return await this.store.append(draft, opening) as CaseEvent;
  }

  /** Append one event (refused on a stale `basedOnVersion`, wrong party or role, bad payload). */
  async append(actor: Actor, caseId: string, command: CaseCommand): Promise<CaseEvent> {
    const context = await this.context(caseId);
    const draft = decide(context, caseId, command, actor, this.clock());
    return await this.store.append(draft) as CaseEvent;
  }

  /** The case's facts a decision needs, or null. */
  async context(caseId: string): Promise<CaseContext | null> {
    const row = await this.store.getCase(caseId);
    if (!row) return null;
    const last = row.version > 0 ? (await this.store.readEvents(caseId, row.version - 1, 1))[0] : undefined;
    return { caseId, kind: row.kind, parties: row.parties, version: row.version, closed: last?.type === 'caseClosed' };
  }

  /** Refuse a reader of another party or without a reading role; returns the case's row. */
  async checkRead(actor: Actor, caseId: string): Promise<CaseRow> {
    const row = await this.store.getCase(caseId);
    if (!row) throw new CaseNotFoundError(caseId);
    checkMayRead({ caseId, kind: row.kind, parties: row.parties, version: row.version, closed: false }, actor);
    return row;
  }

  /** Events after `afterVersion`, as the actor's party may see them. */
  async events(actor: Actor, caseId: string, afterVersion = 0, limit?: number): Promise<ViewedEvent[]> {
    await this.checkRead(actor, caseId);
    return (await this.store.readEvents(caseId, afterVersion, limit)).map((e) => viewEvent(e as CaseEvent, actor.party));
  }

  /** The picture the actor's party may see, rebuilt from the events. */
  async state(actor: Actor, caseId: string): Promise<CaseState> {
    return foldCase(await this.events(actor, caseId))!;
  }

  /** Cases the actor's party takes part in and the actor's roles may read. */
  async list(actor: Actor): Promise<CaseRow[]> {
    return (await this.store.listCases()).filter((c) => {
      try { checkMayRead({ caseId: c.caseId, kind: c.kind, parties: c.parties, version: c.version, closed: false }, actor); return true; } catch { return false; }
    });
  }
}
