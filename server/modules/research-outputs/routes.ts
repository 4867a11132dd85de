import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams, Page } from '../shared/schema';
import { CreateResearchOutputBody, ResearchOutputListQuery, ResearchOutputView, UpdateResearchOutputBody } from './schema';

// Every route answers with ResearchOutputView, which has no confidentialDetails: the serializer
// drops the details even if a document carrying them reached it. They are read only through
// GET /api/research-outputs/:id/confidential (access-requests module), which audits each read.
const researchOutputRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { researchOutputs } = app.services;
  const tags = ['research outputs'];

  app.post(
    '/api/research-outputs',
    { schema: { tags, body: CreateResearchOutputBody, response: { 201: ResearchOutputView, ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => reply.code(201).send(await researchOutputs.create(requireUser(request), request.body)),
  );

  app.get(
    '/api/research-outputs',
    { schema: { tags, querystring: ResearchOutputListQuery, response: { 200: Page(ResearchOutputView), ...errorResponses(400, 401) } } },
    async (request) => researchOutputs.list(request.user, request.query),
  );

  app.get(
    '/api/research-outputs/:id',
    { schema: { tags, params: IdParams, response: { 200: ResearchOutputView, ...errorResponses(400, 404) } } },
    async (request) => researchOutputs.get(request.user, request.params.id),
  );

  app.patch(
    '/api/research-outputs/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateResearchOutputBody,
        response: { 200: ResearchOutputView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => researchOutputs.update(requireUser(request), request.params.id, request.body),
  );

  for (const action of ['publish', 'archive'] as const) {
    app.post(
      `/api/research-outputs/:id/${action}`,
      { schema: { tags, params: IdParams, response: { 200: ResearchOutputView, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => researchOutputs.transition(requireUser(request), request.params.id, action),
    );
  }
};

export default researchOutputRoutes;
