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

/**
 * Make every failing method of `store` fail with StorageError (its own errors, VersionConflictError
 * and the like, pass unchanged), so a database that is down or refuses a statement answers
 * SARB_STORAGE (503) and not an unexplained failure. The cause stays in `cause` for the log.
 */
export function withStorageErrors<T extends object>(store: T, location: string): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'constructor') return value;
      return function guarded(this: unknown, ...args: unknown[]) {
        const wrap = (error: unknown) => {
          if (error instanceof SarbridgeError) throw error;
          const storage = new StorageError(location, `database failure: ${(error as Error)?.message ?? String(error)}`);
          (storage as { cause?: unknown }).cause = error;
          throw storage;
        };
        try {
          const result = value.apply(this === receiver ? target : this, args);
          return result instanceof Promise ? result.catch(wrap) : result;
        } catch (error) {
          return wrap(error);
        }
      };
    },
  });
}
