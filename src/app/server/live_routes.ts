import type {} from '@fastify/websocket';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InvalidInputError } from '../../core/errors.js';
import type { FastifyRequest } from 'fastify';
import { CaseNotFoundError, type StoredEvent } from '../../io/storage/index.js';
import { AccessDeniedError, type Actor, type CaseLog } from '../case_log/index.js';
import type { AuditWriter } from './audit_writer.js';
import type { LiveHub } from './live_hub.js';
import { actorOf } from './request_actor.js';
import { tokenOf, type Sessions } from './sessions.js';
import { CaseParams, MAX_VERSION } from './schemas.js';

/**
 * `GET /api/cases/:caseId/live` (WebSocket): the events after `afterVersion` (the last version
 * the client holds; 0 for all), then `{"kind":"live","version":n}`, then each new event as
 * `{"kind":"event","event":…}`, filtered for the client's party; after a correction or retraction
 * the client may see, `{"kind":"eventMarked","eventVersion":n,"correctedBy"|"retractedBy":mark}` (the
 * mark GET …/events puts on that original); a drift run's state as `{"kind":"driftRun","run":…}`. A client that reconnects gives
 * its last version and receives exactly what it missed. Refused before the upgrade (401/403/404, and
 * 400 for an `afterVersion` beyond the case's current version).
 */
/** A client this far behind (bytes queued) is disconnected; it reconnects with its last version. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/**
 * How often a live connection checks that its session still stands (a logout on another server
 * instance, or an account removed) and that its user still holds a role that reads the case (an
 * admin changed the roles); a logout on this instance closes it at once.
 */
const SESSION_CHECK_MS = 15_000;

/**
 * A browser opening a WebSocket always sends Origin, and the browser's cookie goes with it whatever
 * page asks (WebSockets are not bound by CORS): a page of another site could read a case live with
 * the user's session. So an upgrade with an Origin must come from a page of this server: the
 * Origin's host and port equal the Host the request was sent to (behind a reverse proxy, the proxy
 * must pass the Host on). Without Origin it is not a browser (a CLI, a script with a bearer token)
 * and is let through: no page can leave Origin out.
 */
export function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string | null = null;
  try { host = new URL(origin).host.toLowerCase(); } catch { /* 'null' or not a URL: refused */ }
  const own = (request.headers.host ?? '').toLowerCase();
  if (host === null || host !== own) {
    request.auditDetail = `live refused: Origin ${origin.slice(0, 100)} is not this server (${own.slice(0, 100)})`;
    throw new AccessDeniedError('party', `Origin: a page at ${origin.slice(0, 100)} may not open live updates of this server (${own.slice(0, 100)}); open the application from this server`);
  }
}

/**
 * For a stream with its own readers (an exercise's control stream): which of its events the actor
 * may still follow it past ('gone': none, they may no longer read it; null: any). Installed by the
 * app (ExerciseControl.liveAdmits).
 */
export type LiveAdmits = (actor: Actor, caseId: string) => Promise<((event: StoredEvent) => boolean) | 'gone' | null>;

/** WebSocket close code of a feed whose reader may no longer read the case: as for a case that does not exist. */
export const LIVE_GONE_CODE = 4404;
/** WebSocket close code of a feed whose user no longer holds a role that reads the case (HTTP answers them 403). */
export const LIVE_REFUSED_CODE = 4403;

export const liveRoutes: FastifyPluginAsyncTypebox<{ caseLog: CaseLog; hub: LiveHub; audit: AuditWriter; sessions: Sessions; clock: () => Date; admits?: LiveAdmits; sessionCheckMs?: number }> = async (app, { caseLog, hub, audit, sessions, clock, admits, sessionCheckMs = SESSION_CHECK_MS }) => {
  app.get('/:caseId/live', {
    websocket: true,
    schema: {
      summary: 'Live updates of a case (WebSocket)', tags: ['live'], params: CaseParams,
      querystring: Type.Object({ afterVersion: Type.Integer({ minimum: 0, maximum: MAX_VERSION, default: 0 }) }),
    },
    preHandler: async (request) => {
      checkOrigin(request);
      const row = await caseLog.checkRead(actorOf(request), (request.params as { caseId: string }).caseId);
      // a version beyond the log's would silently skip the next events: the client's copy is not of this log
      const { afterVersion } = request.query as { afterVersion: number };
      if (afterVersion > row.version) {
        throw new InvalidInputError('querystring/afterVersion', `${afterVersion} is beyond the case's current version ${row.version}: ` +
          `resume from the last version received from this server (0 to ${row.version}), or from 0 to read the log again`);
      }
    },
  }, (socket, request) => {
    const actor = actorOf(request);
    const { caseId } = request.params;
    audit.record({ at: clock().toISOString(), userName: actor.userName, party: actor.party, action: 'WS /api/cases/:caseId/live', caseId, statusCode: 101,
      detail: `afterVersion ${request.query.afterVersion}` });
    let unsubscribe: (() => void) | null = null;
    let closed = false;
    // a live connection lasts no longer than the session that opened it: expiry, logout, or a
    // session gone from the store; nor than its user's roles read the case, as every HTTP request
    // checks them (both checked every sessionCheckMs)
    const expiry = setTimeout(() => socket.close(4401, 'session expired: sign in again and reconnect with afterVersion'),
      Math.max(0, request.sessionExpiresAtMs - clock().getTime()));
    const token = tokenOf(request.headers)!;
    const stopWatching = sessions.watch(token, () => socket.close(4401, 'signed out'));
    const check = setInterval(() => {
      sessions.resolve(token).then(async (s) => {
        if (s === null) { socket.close(4401, 'session ended: sign in again and reconnect with afterVersion'); return; }
        try {
          await caseLog.checkRead(s.actor, caseId);
        } catch (error) {
          if (error instanceof CaseNotFoundError) gone();
          else if (error instanceof AccessDeniedError) {
            audit.record({ at: clock().toISOString(), userName: actor.userName, party: actor.party, action: 'WS /api/cases/:caseId/live', caseId, statusCode: 403,
              detail: `closed: ${error.message.slice(0, 200)}` });
            socket.close(LIVE_REFUSED_CODE, `roles changed: ${actor.userName} may no longer read this case`);
          }
        }
      }, () => undefined);
    }, sessionCheckMs);
    check.unref();
    socket.on('close', () => { closed = true; clearTimeout(expiry); clearInterval(check); stopWatching(); unsubscribe?.(); });
    socket.on('message', () => { /* clients only listen; writes go through HTTP */ });
    // a named controller removed from the exercise: the feed closes at the event that removes them,
    // with the words of a case that does not exist (the control stream is answered so to everyone else)
    const admitted = admits ? admits(actor, caseId) : Promise.resolve(null);
    const gone = () => {
      audit.record({ at: clock().toISOString(), userName: actor.userName, party: actor.party, action: 'WS /api/cases/:caseId/live', caseId, statusCode: 404,
        detail: 'closed: no longer a reader of the stream' });
      socket.close(LIVE_GONE_CODE, `case '${caseId}' does not exist`);
    };
    admitted.then((filter) => filter === 'gone' ? (gone(), () => undefined) : hub.subscribe(caseId, request.query.afterVersion, {
      party: actor.party,
      send: (text) => {
        if (socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) { socket.close(1013, 'too far behind: reconnect with afterVersion'); return; }
        socket.send(text);
      },
      ...(filter ? { admits: filter, revoke: gone } : {}),
    })).then((stop) => { if (closed) stop(); else unsubscribe = stop; }, () => socket.close(1011, 'live updates failed'));
  });
};
