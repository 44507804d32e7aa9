/**
 * The programme stream over the store: seeded once from the cooperation config, read and folded,
 * changed by programme staff, and written by the server when an exercise is created or ends.
 */
import type { CooperationConfig } from '../../core/cooperation/index.js';
import { VersionConflictError, type SarbridgeStore, type StoredEvent } from '../../io/storage/index.js';
import type { Actor } from '../case_log/index.js';
import { decideProgramme, type ProgrammeCommand } from './commands.js';
import { PROGRAMME_STREAM_ID, type ProgrammeEventPayload } from './events.js';
import { foldProgramme, type ProgrammeState } from './fold.js';

/** The programme kept in the server. Stateless over the store (several instances may share it). */
export class ProgrammeStream {
  constructor(private readonly store: SarbridgeStore, readonly config: CooperationConfig, private readonly clock: () => Date = () => new Date()) {}

  /**
   * Put the config's programmes in the stream once (one `programmeSeeded` event by `system`, which
   * opens the stream); does nothing when the stream exists. Two instances starting at once: the
   * store takes the first, the second's append is refused and ignored.
   */
  async seed(): Promise<boolean> {
    if (await this.store.getCase(PROGRAMME_STREAM_ID)) return false;
    const payload: ProgrammeEventPayload<'programmeSeeded'> = { source: this.config.title, programmes: JSON.parse(JSON.stringify(this.config.programmes)) };
    try {
      await this.store.append({
        caseId: PROGRAMME_STREAM_ID, basedOnVersion: 0, type: 'programmeSeeded', author: 'system', party: 'system',
        recordedAt: this.clock().toISOString(), releasability: 'everything', payload,
      }, { kind: 'programme', title: 'Cooperation programme', parties: this.config.agreement.parties });
      return true;
    } catch (error) {
      if (error instanceof VersionConflictError) return false;
      throw error;
    }
  }

  async events(): Promise<StoredEvent[]> {
    return await this.store.readEvents(PROGRAMME_STREAM_ID, 0);
  }

  async state(): Promise<ProgrammeState> {
    return foldProgramme(await this.events());
  }

  /** A programme staff's change (refused on a stale version, a wrong role or party, a bad field). */
  async append(actor: Actor, command: ProgrammeCommand): Promise<StoredEvent> {
    await this.seed();
    const draft = decideProgramme(await this.state(), this.config, command, actor, this.clock());
    return await this.store.append(draft);
  }

  /**
   * An event the server writes (an exercise created from an entry, its result at its end), by
   * `author` of `party`; retried on the current version when another write came first.
   */
  async record<T extends 'exerciseCreated' | 'exerciseResult'>(type: T, payload: ProgrammeEventPayload<T>, author: string, party: string): Promise<StoredEvent> {
    await this.seed();
    for (let attempt = 0; ; attempt++) {
      const version = (await this.store.getCase(PROGRAMME_STREAM_ID))!.version;
      try {
        return await this.store.append({
          caseId: PROGRAMME_STREAM_ID, basedOnVersion: version, type, author, party, recordedAt: this.clock().toISOString(), releasability: 'everything', payload,
        });
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= 20) throw error;
      }
    }
  }
}
