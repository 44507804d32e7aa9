import { InvalidInputError } from '../../core/errors.js';

/** A command-line value that must be a whole number of at least 1; the error names the flag. */
export function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidInputError(flag, `'${text}' is not a positive whole number`);
  return value;
}
