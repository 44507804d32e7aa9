/** The embedded default database file, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = 'var/sarbridge.sqlite';
