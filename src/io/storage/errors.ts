import { SarbridgeError } from '../../core/errors.js';

/** A write was based on a version of the case that is no longer current: nothing was written. */
export class VersionConflictError extends SarbridgeError {
  readonly code = 'SARB_VERSION_CONFLICT';
  constructor(readonly caseId: string, readonly basedOnVersion: number, readonly currentVersion: number) {
    super(basedOnVersion === 0
      ? `case '${caseId}' already exists (at version ${currentVersion})`
      : `case '${caseId}' is at version ${currentVersion}, but this write was based on version ${basedOnVersion}: ` +
        `someone else changed the case; reload it (events after ${basedOnVersion}) and decide again`);
  }
}

/** No case with this id. */
export class CaseNotFoundError extends SarbridgeError {
  readonly code = 'SARB_CASE_NOT_FOUND';
  constructor(readonly caseId: string) {
    super(`case '${caseId}' does not exist`);
  }
}

/**
 * A user name cannot be given: an account of any party holds it, or the server keeps it. The
 * message does not say which, so an admin of one party does not learn another party's names.
 */
export class DuplicateUserError extends SarbridgeError {
  readonly code = 'SARB_DUPLICATE_USER';
  constructor(readonly userName: string) {
    super(`userName: '${userName}' is not available; choose another (user names are unique on this server, across all parties)`);
  }
}

/** The storage could not be opened or migrated (names the location without credentials). */
export class StorageError extends SarbridgeError {
  readonly code = 'SARB_STORAGE';
  constructor(readonly location: string, problem: string) {
    super(`${location}: ${problem}`);
  }
}
