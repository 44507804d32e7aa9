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
      response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: UserView }), ...errorResponses(400, 401) },
    },
  }, async (request, reply) => {
    const { token, actor, expiresAt } = await sessions.login(request.body.userName, request.body.password);
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
