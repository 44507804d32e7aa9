/**
 * Limits of event payloads that the page also checks before it writes (so a text too long is said
 * in the form, in the reader's language, not refused later by the server). Kept apart from
 * events.ts so that the page takes these numbers without the schemas.
 */

/** The most characters (UTF-16 code units, as the schema counts) of a text in a payload: a message, a report. */
export const TEXT_MAX_CHARS = 4000;
