import { SarbridgeError } from '../../core/errors.js';

/** The request carries no valid session (no token, unknown or expired, or a wrong password at login). */
export class NotAuthenticatedError extends SarbridgeError {
  readonly code = 'SARB_NOT_AUTHENTICATED';
}

/** The server is at its limit for this kind of work (e.g. concurrent drift runs); retry later. */
export class ServerBusyError extends SarbridgeError {
  readonly code = 'SARB_BUSY';
  /** Seconds to wait, sent as Retry-After when known. */
  constructor(message: string, readonly retryAfterS?: number) {
    super(message);
  }
}

/** Too many failed sign-ins for a user name, from a source, or both (`what`); the message says when to retry. */
export class TooManyLoginsError extends SarbridgeError {
  readonly code = 'SARB_TOO_MANY_LOGINS';
  constructor(readonly userName: string, readonly retryAfterS: number, what = `for '${userName}'`) {
    super(`userName: too many failed sign-ins ${what}; retry in ${retryAfterS} s, or ask an administrator to unlock`);
  }
}

/** The server runs without a cooperation agreement (`serve --agreement CONFIG` not given). */
export class NoAgreementError extends SarbridgeError {
  readonly code = 'SARB_NO_AGREEMENT';
  constructor() {
    super('this server runs without a cooperation agreement; start it with `sarbridge serve --agreement CONFIG` (e.g. examples/cooperation/korea-japan.yaml)');
  }
}

/** The one-time setup is over for this party: it has accounts already, made by its admin from now on. */
export class SetupClosedError extends SarbridgeError {
  readonly code = 'SARB_SETUP_CLOSED';
  constructor(readonly party: string, accounts: number) {
    super(`party: ${party} has ${accounts} account(s) already; the setup creates only a party's first account. ` +
      `An administrator of ${party} creates the others (POST /api/users)`);
  }
}

/**
 * An uploaded file was refused because it cannot be read (not NetCDF, truncated, no wind or
 * current): answered 400 with the reader's own code (SARB_FORCING_FILE, SARB_DATA_FILE) and message.
 */
export class RejectedUploadError extends SarbridgeError {
  readonly code: string;
  constructor(readonly reason: SarbridgeError) {
    super(reason.message);
    this.code = reason.code;
  }
}

/** No forcing file under this reference (GET /api/forcing lists them). */
export class ForcingNotFoundError extends SarbridgeError {
  readonly code = 'SARB_FORCING_NOT_FOUND';
  constructor(readonly ref: string) {
    super(`no forcing file '${ref}' on this server (GET /api/forcing lists them)`);
  }
}

/** A request body sent as JSON is not JSON, is empty, or holds a `__proto__` key; the message says which and where. */
export class InvalidJsonError extends SarbridgeError {
  readonly code = 'SARB_INVALID_JSON';
  readonly field = 'body';
}

/** No drift run of this id in this case that the reader's party may see. */
export class DriftRunNotFoundError extends SarbridgeError {
  readonly code = 'SARB_DRIFT_RUN_NOT_FOUND';
  constructor(readonly caseId: string, readonly runId: string) {
    super(`runId: no drift run '${runId}' in case '${caseId}' (GET /api/cases/${caseId}/drift-runs lists them)`);
  }
}

/** A drift run that ended (done, failed or cancelled) cannot be cancelled. */
export class DriftRunFinishedError extends SarbridgeError {
  readonly code = 'SARB_DRIFT_RUN_FINISHED';
  constructor(readonly runId: string, readonly state: string) {
    super(`drift run ${runId} is ${state} already: only a queued or running run can be cancelled`);
  }
}
