import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { CooperationConfig } from '../../core/cooperation/index.js';
import type { SarbridgeStore } from '../../io/storage/index.js';
import { AccessDeniedError, PartySchema, type Role } from '../case_log/index.js';
import { SetupClosedError } from './errors.js';
import { createAccount } from './accounts.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';
import { errorResponses, UserName, UserView } from './schemas.js';

/** The roles of a party's first account: it manages the party's accounts and coordinates. */
export const FIRST_ACCOUNT_ROLES: readonly Role[] = ['admin', 'smc'];

/** Is this a loopback address (127.0.0.0/8, ::1, or 127.x mapped into IPv6)? */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/** Is this Host (or Origin host) a name of this machine's loopback? */
function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return name === 'localhost' || isLoopbackAddress(name);
}

/**
 * Refuse anything that did not come from this machine: the connection's address must be loopback,
 * no proxy may have forwarded it (a reverse proxy on the same machine makes every request look
 * local), and the Host and Origin must name the loopback (a web page whose name was pointed at
 * 127.0.0.1, DNS rebinding, must not create accounts from the operator's browser).
 */
function checkFromThisMachine(request: FastifyRequest, what: string): void {
  const address = request.socket.remoteAddress;
  const refuse = (why: string) => {
    request.auditDetail = `setup refused: ${why}`.slice(0, 300);
    throw new AccessDeniedError('party', `${what} is open only from the server's own machine (http://127.0.0.1:PORT/setup); ${why}. ` +
      'Ask an administrator of your party to create your account (POST /api/users), or run `sarbridge admin create` on the server');
  };
  if (!isLoopbackAddress(address)) refuse(`this request came from ${address ?? 'an unknown address'}`);
  if (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined) refuse('this request was forwarded by a proxy');
  if (!isLoopbackHost(request.headers.host ?? '')) refuse(`this request was addressed to '${request.headers.host ?? ''}', not to localhost or 127.0.0.1`);
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let host = '';
    try { host = new URL(origin).host; } catch { /* not a URL: refused below */ }
    if (!isLoopbackHost(host)) refuse(`this request came from a page at ${origin}`);
  }
}

const PartyAccounts = Type.Object({
  party: Type.String(),
  hasAccounts: Type.Boolean(),
  inAgreement: Type.Boolean({ description: 'a party to the agreement the server applies' }),
});

/**
 * `/api/setup`: the one-time setup of a party's first account, from the server's own machine only
 * (the page offers it at /setup while `open`). Every later account is made by the party's admin
 * through /api/users.
 */
export const setupRoutes: FastifyPluginAsyncTypebox<{ store: SarbridgeStore; clock: () => Date; agreement: CooperationConfig | null }> = async (app, { store, clock, agreement }) => {
  const agreementParties = agreement?.parties.map((p) => p.id) ?? [];
  const accountsByParty = async () => {
    const counts = new Map<string, number>();
    for (const u of await store.listUsers()) counts.set(u.party, (counts.get(u.party) ?? 0) + 1);
    return counts;
  };
  // one setup at a time in this process, so two requests for one party cannot both be "first"
  let queue: Promise<unknown> = Promise.resolve();

  app.get('/', {
    schema: {
      summary: 'Which parties have accounts yet (from the server machine only)', tags: ['setup'],
      description: 'Loopback only. `open` is true while a party to the agreement has no account (without an agreement: while there is no account at all); ' +
        'POST /api/setup then creates the first account of any party that has none.',
      response: {
        200: Type.Object({
          open: Type.Boolean(),
          partiesWithAccounts: Type.Array(Type.String(), { description: 'party codes that have at least one account' }),
          parties: Type.Array(PartyAccounts, { description: "the agreement's parties, then any other party holding accounts" }),
          firstAccountRoles: Type.Array(Type.String()),
          minPasswordLength: Type.Integer(),
        }),
        ...errorResponses(403),
      },
    },
  }, async (request) => {
    checkFromThisMachine(request, 'the setup');
    const counts = await accountsByParty();
    const names = [...agreementParties, ...[...counts.keys()].filter((p) => !agreementParties.includes(p)).sort()];
    const parties = names.map((party) => ({ party, hasAccounts: (counts.get(party) ?? 0) > 0, inAgreement: agreementParties.includes(party) }));
    const open = agreement ? parties.some((p) => p.inAgreement && !p.hasAccounts) : counts.size === 0;
    return { open, partiesWithAccounts: parties.filter((p) => p.hasAccounts).map((p) => p.party), parties, firstAccountRoles: [...FIRST_ACCOUNT_ROLES], minPasswordLength: MIN_PASSWORD_LENGTH };
  });

  app.post('/', {
    schema: {
      summary: "Create a party's first account, roles admin and smc (from the server machine only)", tags: ['setup'],
      description: 'Loopback only (403 otherwise); 409 SARB_SETUP_CLOSED when the party already has accounts. Sign in afterwards with POST /api/session.',
      body: Type.Object({
        party: PartySchema,
        userName: UserName,
        password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024, description: `at least ${MIN_PASSWORD_LENGTH} characters` }),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ user: UserView }), ...errorResponses(400, 403, 409) },
    },
  }, async (request, reply) => {
    checkFromThisMachine(request, 'the setup');
    const { party, userName, password } = request.body;
    const run = queue.then(async () => {
      const existing = (await accountsByParty()).get(party) ?? 0;
      if (existing > 0) throw new SetupClosedError(party, existing);
      await createAccount(store, { userName, party, roles: FIRST_ACCOUNT_ROLES, password, createdAt: clock().toISOString() });
    });
    queue = run.catch(() => undefined);
    await run;
    request.auditDetail = `setup: first account '${userName}' of ${party} (roles ${FIRST_ACCOUNT_ROLES.join(', ')}) created from ${request.socket.remoteAddress}`;
    return reply.code(201).send({ user: { userName, party, roles: [...FIRST_ACCOUNT_ROLES] } });
  });
};
