import type { ForcingFileRecord, SarbridgeStore } from '../../io/storage/index.js';
import type { Actor } from '../case_log/index.js';
import type { UploadState } from '../case_log/planning_inputs.js';

/** Which withheld files an actor may read (ExerciseControl.withheldReader): asked once per request, before any file is looked at. */
export type WithheldReader = (actor: Actor) => Promise<(file: { readonly sha256: string; readonly uploadedBy: string }) => boolean>;

/**
 * Which uploaded forcing files a user may know of (issue 9). Every file is shared by every
 * signed-in user but a withheld one: an exercise's truth forcing, which exercise control uploaded
 * with `?withheld=true`. To a user the withheld reader does not let in (every player, and exercise
 * control of other exercises) it does not exist: not listed, 404 as an unknown reference, and
 * refused in planning inputs and drift runs in the words of a SHA-256 no upload has. Everything
 * that answers a user about an upload asks here. The reader is asked whether or not a file is
 * stored, so the work done (and the time taken) is the same for a withheld file and for none.
 */
export class ForcingAccess {
  constructor(private readonly store: SarbridgeStore, private readonly withheldReader: WithheldReader) {}

  /** The stored record under this SHA-256 (null: none) and whether the actor may know of it. */
  async lookUp(actor: Actor, sha256: string): Promise<{ stored: ForcingFileRecord | null; seen: boolean }> {
    const mayRead = await this.withheldReader(actor);
    const stored = await this.store.findForcingFile(sha256);
    return { stored, seen: stored !== null && (!stored.withheld || mayRead(stored)) };
  }

  /** The record of the file with this SHA-256 as the actor may know it: null when there is none, or it is withheld from the actor. */
  async find(actor: Actor, sha256: string): Promise<ForcingFileRecord | null> {
    const { stored, seen } = await this.lookUp(actor, sha256);
    return seen ? stored : null;
  }

  /** The stored files the actor may know of, newest first. */
  async list(actor: Actor): Promise<ForcingFileRecord[]> {
    const mayRead = await this.withheldReader(actor);
    return (await this.store.listForcingFiles()).filter((record) => !record.withheld || mayRead(record));
  }

  /** What planning inputs and drift runs may make of an upload reference the actor names (planning_inputs.ts UploadState). */
  async uploadState(actor: Actor, sha256: string): Promise<UploadState> {
    const record = await this.find(actor, sha256);
    return record === null ? 'unknown' : record.withheld ? 'withheld' : 'uploaded';
  }
}
