import { SarbridgeError } from '../../core/errors.js';

/** An error raised inside a drift worker thread, re-raised on the thread that waits with its code and message. */
export class WorkerError extends SarbridgeError {
  constructor(readonly code: string, message: string) { super(message); }
}
