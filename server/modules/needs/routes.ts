import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams, Page } from '../shared/schema';
import { ConsentBody, CreateNeedBody, NeedListQuery, NeedView, UpdateNeedBody } from './schema';

const needRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { needs } = app.services;
  const tags = ['needs'];

  app.post(
    '/api/needs',
    { schema: { tags, body: CreateNeedBody, response: { 201: NeedView, ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => reply.code(201).send(await needs.create(requireUser(request), request.body)),
  );

  app.get(
    '/api/needs',
    { schema: { tags, querystring: NeedListQuery, response: { 200: Page(NeedView), ...errorResponses(400, 401) } } },
    async (request) => needs.list(request.user, request.query),
  );

  app.get(
    '/api/needs/:id',
    { schema: { tags, params: IdParams, response: { 200: NeedView, ...errorResponses(400, 404) } } },
    async (request) => needs.get(request.user, request.params.id),
  );

  app.patch(
    '/api/needs/:id',
    { schema: { tags, params: IdParams, body: UpdateNeedBody, response: { 200: NeedView, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => needs.update(requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/needs/:id/consent',
    {
      schema: {
        tags,
        summary: 'An SME admin gives (publishes) or refuses consent to a need an intermediary drafted on its behalf',
        params: IdParams,
        body: ConsentBody,
        response: { 200: NeedView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => needs.decideConsent(requireUser(request), request.params.id, request.body),
  );

  for (const action of ['publish', 'archive'] as const) {
    app.post(
      `/api/needs/:id/${action}`,
      { schema: { tags, params: IdParams, response: { 200: NeedView, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => needs.transition(requireUser(request), request.params.id, action),
    );
  }
};

export default needRoutes;
