import { SarbridgeError } from '../../core/errors.js';

/** The actor may not do this: `reason` says whether the party or the role is wrong. */
export class AccessDeniedError extends SarbridgeError {
  readonly code = 'SARB_ACCESS_DENIED';
  constructor(readonly reason: 'party' | 'role', message: string) {
    super(message);
  }
}

/** The case was closed: its log takes no more events. */
export class CaseClosedError extends SarbridgeError {
  readonly code = 'SARB_CASE_CLOSED';
  constructor(readonly caseId: string, readonly version: number) {
    super(`case '${caseId}' was closed at version ${version} and takes no more events`);
  }
}

/**
 * The agreement's rules stand in the way of issuing a plan: notifications not yet acknowledged by
 * the RCCs they go to, or a plan with problems (a unit the agreement does not know).
 */
export class PlanNotIssuableError extends SarbridgeError {
  readonly code = 'SARB_PLAN_NOT_ISSUABLE';
  constructor(readonly planId: string, readonly missing: readonly string[], message: string) {
    super(message);
  }
}
