import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams } from '../shared/schema';
import { FeedbackBody, FeedbackResult, MatchIdParams, MatchListQuery, NeedMatchView, OutputMatchView } from './schema';

const matchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { matches } = app.services;
  const tags = ['matches'];

  app.get(
    '/api/needs/:id/matches',
    {
      schema: {
        tags,
        description: "The need's ranked research outputs (public summaries only), dismissed ones hidden unless asked for.",
        params: IdParams,
        querystring: MatchListQuery,
        response: { 200: Type.Array(NeedMatchView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => withComputedAt(reply, await matches.forNeed(requireUser(request), request.params.id, request.query)),
  );

  app.get(
    '/api/research-outputs/:id/matches',
    {
      schema: {
        tags,
        description: "The research output's ranked needs, dismissed ones hidden unless asked for.",
        params: IdParams,
        querystring: MatchListQuery,
        response: { 200: Type.Array(OutputMatchView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => withComputedAt(reply, await matches.forOutput(requireUser(request), request.params.id, request.query)),
  );

  app.post(
    '/api/matches/:id/feedback',
    { schema: { tags, params: MatchIdParams, body: FeedbackBody, response: { 200: FeedbackResult, ...errorResponses(400, 401, 404) } } },
    async (request) => matches.giveFeedback(requireUser(request), request.params.id, request.body.status),
  );
};

/**
 * The list is the body; when it was computed goes in the `Matches-Computed-At` header (absent
 * while the worker has not computed it yet), so a client tells "no matches" from "not yet".
 */
function withComputedAt<T>(reply: FastifyReply, { items, computedAt }: { items: T[]; computedAt: Date | null }): T[] {
  if (computedAt) reply.header('matches-computed-at', computedAt.toISOString());
  return items;
}

export default matchRoutes;
