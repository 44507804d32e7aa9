import { SarbridgeError } from '../../core/errors.js';

/** The request carries no valid session (no token, unknown or expired, or a wrong password at login). */
export class NotAuthenticatedError extends SarbridgeError {
  readonly code = 'SARB_NOT_AUTHENTICATED';
}

/** The server is at its limit for this kind of work (e.g. concurrent drift runs); retry later. */
export class ServerBusyError extends SarbridgeError {
  readonly code = 'SARB_BUSY';
}
