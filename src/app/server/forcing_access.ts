import type { ForcingFileRecord, SarbridgeStore } from '../../io/storage/index.js';
import type { Actor } from '../case_log/index.js';
import type { UploadState } from '../case_log/planning_inputs.js';

/**
 * Which uploaded forcing files a user may know of (issue 9). Every file is shared by every
 * signed-in user but a withheld one: an exercise's truth forcing, which exercise control uploaded
 * with `?withheld=true`. To a user `mayReadWithheld` does not let in (every player, and exercise
 * control of other exercises: ExerciseControl.mayReadWithheld) it does not exist: not listed, 404
 * as an unknown reference, and refused in planning inputs and drift runs in the words of a
 * SHA-256 no upload has. Everything that answers a user about an upload asks here.
 */
export class ForcingAccess {
  constructor(
    private readonly store: SarbridgeStore,
    private readonly mayReadWithheld: (actor: Actor, record: ForcingFileRecord) => Promise<boolean>,
  ) {}

  /** May the actor know of this stored file? */
  async sees(actor: Actor, record: ForcingFileRecord): Promise<boolean> {
    return !record.withheld || await this.mayReadWithheld(actor, record);
  }

  /** The record of the file with this SHA-256 as the actor may know it: null when there is none, or it is withheld from the actor. */
  async find(actor: Actor, sha256: string): Promise<ForcingFileRecord | null> {
    const record = await this.store.findForcingFile(sha256);
    return record && await this.sees(actor, record) ? record : null;
  }

  /** The stored files the actor may know of, newest first. */
  async list(actor: Actor): Promise<ForcingFileRecord[]> {
    const out: ForcingFileRecord[] = [];
    for (const record of await this.store.listForcingFiles()) if (await this.sees(actor, record)) out.push(record);
    return out;
  }

  /** What planning inputs and drift runs may make of an upload reference the actor names (planning_inputs.ts UploadState). */
  async uploadState(actor: Actor, sha256: string): Promise<UploadState> {
    const record = await this.find(actor, sha256);
    return record === null ? 'unknown' : record.withheld ? 'withheld' : 'uploaded';
  }
}
