/**
 * What a command found, for its exit code: a check that ran and answered "no" (a plan the
 * agreement's rules hold back) is not an error, but a script must be able to tell.
 */
export const EXIT_NOT_ISSUABLE = 4;

let outcome = 0;

/** Record that the command's answer is "no" (exit code 4) without stopping it. */
export function reportNotIssuable(): void {
  outcome = EXIT_NOT_ISSUABLE;
}

/** The recorded outcome, cleared for the next run. */
export function takeOutcome(): number {
  const code = outcome;
  outcome = 0;
  return code;
}
