import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePlatformAdmin } from '../accounts/current-user';
import { errorResponses, IdParams, Page } from '../shared/schema';
import { VerificationDecisionBody, VerificationItem, VerificationQueueQuery } from './schema';

/** The verification queue and decisions, for platform admins only. */
const verificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { organizationVerification } = app.services;
  const tags = ['admin', 'organizations'];

  app.get(
    '/api/admin/organizations',
    { schema: { tags, summary: 'Organizations by verification state (pending: the queue, oldest first)', querystring: VerificationQueueQuery, response: { 200: Page(VerificationItem), ...errorResponses(400, 401, 403) } } },
    async (request) => organizationVerification.queue(requirePlatformAdmin(request), request.query),
  );

  for (const decision of ['verify', 'reject'] as const) {
    app.post(
      `/api/admin/organizations/:id/${decision}`,
      {
        // The note is optional, so is the body: a bare POST is read as `{}`.
        preValidation: async (request) => {
          request.body ??= {};
        },
        schema: {
          tags,
          summary: decision === 'verify' ? 'Verify a pending organization' : 'Reject a pending organization (its name is freed)',
          params: IdParams,
          body: VerificationDecisionBody,
          response: { 200: VerificationItem, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => organizationVerification.decide(requirePlatformAdmin(request), request.params.id, decision, request.body),
    );
  }
};

export default verificationRoutes;
