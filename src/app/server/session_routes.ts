import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, UserView } from './schemas.js';
import { actorOf } from './request_actor.js';
import { SESSION_COOKIE, SESSION_LIFETIME_S, tokenOf, type Sessions } from './sessions.js';

/** `/api/session`: sign in (token + HttpOnly Secure cookie), who am I, sign out. */
export const sessionRoutes: FastifyPluginAsyncTypebox<{ sessions: Sessions }> = async (app, { sessions }) => {
  app.post('/', {
    schema: {
      summary: 'Sign in', tags: ['session'],
      body: Type.Object({ userName: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false }),
      description: 'Failed sign-ins count by user name and by source address, in the store (every instance): 429 SARB_TOO_MANY_LOGINS with Retry-After ' +
        'past a limit; 503 SARB_BUSY with Retry-After when too many sign-ins wait for their password hash. Every refusal is in the audit log.',
      response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: UserView }), ...errorResponses(400, 401, 403, 429, 503) },
    },
  }, async (request, reply) => {
    const name = request.body.userName.slice(0, 64);
    let session: Awaited<ReturnType<Sessions['login']>>;
    try {
      session = await sessions.login(request.body.userName, request.body.password, request.socket.remoteAddress);
    } catch (error) {
      request.auditDetail = `sign-in refused for '${name}' from ${request.socket.remoteAddress ?? 'unknown'}: ${(error as { code?: string }).code ?? 'error'}`;
      // the line goes to the party of the account tried (an unknown name's to none), so its admins read it
      request.auditParty = await sessions.partyOfAccount(request.body.userName);
      throw error;
    }
    const { token, actor, expiresAt } = session;
    request.auditDetail = `signed in from ${request.socket.remoteAddress ?? 'unknown'}`;
    request.actor = actor;
    void reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${SESSION_LIFETIME_S}; HttpOnly; Secure; SameSite=Strict`);
    return { token, expiresAt, user: { userName: actor.userName, party: actor.party, roles: [...actor.roles] } };
  });

  app.get('/', {
    schema: { summary: 'The signed-in user', tags: ['session'], response: { 200: Type.Object({ user: UserView }), ...errorResponses(401) } },
  }, async (request) => {
    const actor = actorOf(request);
    return { user: { userName: actor.userName, party: actor.party, roles: [...actor.roles] } };
  });

  app.delete('/', {
    schema: { summary: 'Sign out', tags: ['session'], response: { 204: Type.Null(), ...errorResponses(401) } },
  }, async (request, reply) => {
    actorOf(request);
    await sessions.logout(tokenOf(request.headers)!);
    void reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict`);
    return reply.code(204).send(null);
  });
};
