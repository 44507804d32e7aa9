import type { SarbridgeStore } from '../../io/storage/index.js';
import { controlStreamId, type ExerciseControl } from '../exercise_control/index.js';

/**
 * The exercise ticker: the server side of every exercise runs outside any player's request.
 * On each beat (every `intervalMs`) and after each append to an exercise's players' case or
 * control stream, the exercise's work is queued (ExerciseControl.work: the clock and due injects
 * into the players' case, a detection drawn for every search, the end and its result). A
 * player's write is acknowledged before anything about the truth is computed, so its response
 * time does not depend on the truth. Stopped by `stop()` (the app's onClose).
 */
export class ExerciseTicker {
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly control: ExerciseControl, private readonly store: SarbridgeStore, private readonly intervalMs: number) {}

  /** Start the beat (none when intervalMs is 0: tests call tick()) and the hook on appends. */
  start(): void {
    this.unsubscribe = this.store.onAppended((caseId) => {
      if (caseId.endsWith('.control')) { void this.control.schedule(caseId.slice(0, -'.control'.length)); return; }
      void this.store.getCase(controlStreamId(caseId)).then((row) => { if (row?.kind === 'exercise-control') void this.control.schedule(caseId); }, () => undefined);
    });
    if (this.intervalMs > 0) {
      this.timer = setInterval(() => { void this.tick().catch(() => undefined); }, this.intervalMs);
      this.timer.unref();
    }
  }

  /** One beat over every exercise, resolved when its work (and all queued before it) is done. */
  async tick(): Promise<void> {
    await this.control.tickAll();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
