import { InvalidInputError } from '../../core/errors.js';

/** A command-line value that must be a whole number of at least 1; the error names the flag. */
export function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidInputError(flag, `'${text}' is not a positive whole number`);
  return value;
}

/**
 * Threads a command may start, at most: each is a V8 isolate of its own (tens of MB and about 0.1 s
 * of a core to start), and `--workers 5000` ended the process with V8's out-of-memory abort.
 */
export const MAX_THREADS = 64;

/**
 * A command-line value that must be a whole number from `min` to `max`; the error names the flag
 * and says what the number counts (`of`, e.g. 'threads').
 */
export function wholeNumberBetween(text: string, flag: string, min: number, max: number, of?: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(flag, `'${text}' is not a whole number ${of === undefined ? '' : `of ${of} `}from ${min} to ${max.toLocaleString('en')}`);
  }
  return value;
}

/** A thread count from the command line: a whole number from 1 to MAX_THREADS. */
export function threadCount(text: string, flag: string): number {
  return wholeNumberBetween(text, flag, 1, MAX_THREADS, 'threads');
}
