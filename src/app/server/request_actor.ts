import type { FastifyRequest } from 'fastify';
import type { Actor } from '../case_log/index.js';
import { AccessDeniedError } from '../case_log/index.js';
import { NotAuthenticatedError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, resolved from the session token by the app's onRequest hook. */
    actor: Actor | null;
    /** When the request's session ends, ms since epoch (0 without a session). */
    sessionExpiresAtMs: number;
    /** A line a route adds to its audit entry (e.g. which account the setup created). */
    auditDetail: string | null;
    /**
     * The party an audit line of a request without a session belongs to (a refused sign-in for an
     * account of that party), so that party's admins read it in GET /api/audit.
     */
    auditParty: string | null;
  }
}

/** The signed-in actor, or a 401. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new NotAuthenticatedError('sign in first: POST /api/session, then send the token as "Authorization: Bearer <token>" or the session cookie');
  return request.actor;
}

/** The signed-in actor if they hold one of `roles`, or a 401/403. */
export function actorWithRole(request: FastifyRequest, roles: readonly string[], what: string): Actor {
  const actor = actorOf(request);
  if (!actor.roles.some((r) => roles.includes(r))) throw new AccessDeniedError('role', `${what} needs role ${roles.join(' or ')}; ${actor.userName} holds ${actor.roles.join(', ')}`);
  return actor;
}
