import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import type { CooperationConfig } from '../../core/cooperation/index.js';
import { AccessDeniedError } from '../case_log/index.js';
import { AgreementViewSchema } from './agreement_schema.js';
import { agreementViewFor } from './agreement_view.js';
import { NoAgreementError } from './errors.js';
import { actorOf } from './request_actor.js';
import { errorResponses } from './schemas.js';

/** `/api/agreement`: the cooperation config the server applies (`serve --agreement`), as the caller's party may see it. */
export const agreementRoutes: FastifyPluginAsyncTypebox<{ agreement: CooperationConfig | null }> = async (app, { agreement }) => {
  app.get('/', {
    schema: {
      summary: 'The cooperation agreement this server applies, for my party', tags: ['agreement'],
      description: 'What a map and a planner need: parties with their RCCs and SRR polygons, places (contested features with positions, ' +
        "each party's names and the neutral name, claims), units, the rules with their lead times and radii, the agreement's record and status " +
        'history, meetings, programmes (exercises, personnel exchanges: the rosters), incidents, sources, and the SRRs, places and incidents as ' +
        "GeoJSON in the caller's names. All of it is the record both parties keep and is sent to both, except the units: another party's unit " +
        "comes whole, as id and owner only (position-only), or not at all (nothing), as its releasability says; a unit left out is also left out " +
        'of exercise unit lists. Only users of a party to the agreement may read it. 404 SARB_NO_AGREEMENT when the server runs without one.',
      response: { 200: AgreementViewSchema, ...errorResponses(401, 403, 404) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    if (!agreement) throw new NoAgreementError();
    if (!agreement.parties.some((p) => p.id === actor.party)) {
      throw new AccessDeniedError('party', `party ${actor.party} is not a party to the agreement (${agreement.parties.map((p) => p.id).join(', ')})`);
    }
    // the core's types are readonly, the schema's static type is not: same shape (the test compares the whole answer)
    return agreementViewFor(agreement, actor.party) as unknown as Static<typeof AgreementViewSchema>;
  });
};
