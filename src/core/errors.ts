/**
 * Every error sarbridge raises on purpose: one base class, one stable code per kind, and a message
 * that names the file or field and what was wrong. `docs/errors.md` lists the codes.
 */
export abstract class SarbridgeError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value given by a user (a coordinate, a setting, a command-line option) is impossible. */
export class InvalidInputError extends SarbridgeError {
  readonly code = 'SARB_INVALID_INPUT';
  constructor(readonly field: string, readonly problem: string) {
    super(`${field}: ${problem}`);
  }
}

/** A data file (forcing, coastline, object table) cannot be read or does not hold what it must. */
export class DataFileError extends SarbridgeError {
  readonly code: string = 'SARB_DATA_FILE';
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`);
  }
}

/** A forcing file's variable is missing, malformed or unusable. */
export class ForcingFileError extends DataFileError {
  override readonly code = 'SARB_FORCING_FILE';
  constructor(file: string, readonly variable: string, problem: string) {
    super(file, variable ? `variable '${variable}': ${problem}` : problem);
  }
}

/** No forcing source covers what a run asks for. Subclasses say in which dimension. */
export class NotCoveredError extends SarbridgeError {
  readonly code: string = 'SARB_NOT_COVERED';
}

/** The run's time span lies (partly) outside every source of a forcing variable. */
export class TimeNotCoveredError extends NotCoveredError {
  override readonly code = 'SARB_TIME_NOT_COVERED';
}

/** The seeding area lies outside every source of a forcing variable. */
export class SpaceNotCoveredError extends NotCoveredError {
  override readonly code = 'SARB_SPACE_NOT_COVERED';
}

/** A forcing variable a model needs has no source at all, and no fallback. */
export class VariableNotCoveredError extends NotCoveredError {
  override readonly code = 'SARB_VARIABLE_NOT_COVERED';
}

/** Name an unknown Leeway object class (key or id). */
export class UnknownObjectClassError extends SarbridgeError {
  readonly code = 'SARB_UNKNOWN_OBJECT_CLASS';
  constructor(readonly query: string, suggestions: readonly string[]) {
    super(`unknown Leeway object class '${query}'` +
      (suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '; run `sarbridge objects` for the list'));
  }
}
