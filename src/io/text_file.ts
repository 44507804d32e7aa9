/** Reading a data file's text, with one error shape for every file a user names. */
import { readFileSync } from 'node:fs';
import { DataFileError } from '../core/errors.js';

/**
 * The text of the file at `path`; when it cannot be read, a DataFileError naming it (`shownAs`,
 * default the path) and what it was to be, e.g. "cannot read the plan file (ENOENT: …)".
 * @example readTextFile('case.yaml', 'the case file')
 */
export function readTextFile(path: string, what: string, options: { encoding?: BufferEncoding; shownAs?: string } = {}): string {
  try {
    return readFileSync(path, options.encoding ?? 'utf8');
  } catch (error) {
    throw new DataFileError(options.shownAs ?? path, `cannot read ${what} (${(error as Error).message})`);
  }
}
