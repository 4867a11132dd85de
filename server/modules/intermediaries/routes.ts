import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams, Page } from '../shared/schema';
import { AcceptBody, AnswerBody, CreateHelpRequestBody, DeclineBody, HelpRequestListQuery, HelpRequestView } from './help-request.schema';
import { DirectoryHit, DirectoryQuery, IntermediaryView, ProfileBody } from './schema';

/** The intermediaries directory and the help requests SMEs send to intermediaries. */
const intermediaryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { intermediaries, helpRequests } = app.services;
  const tags = ['intermediaries'];

  app.get(
    '/api/intermediaries',
    { schema: { tags, summary: 'Search and filter the intermediaries directory', querystring: DirectoryQuery, response: { 200: Page(DirectoryHit), ...errorResponses(400) } } },
    async (request) => intermediaries.search(request.query),
  );

  app.get(
    '/api/intermediaries/:id',
    { schema: { tags, summary: 'One intermediary and its directory profile (id: its organization id)', params: IdParams, response: { 200: IntermediaryView, ...errorResponses(400, 404) } } },
    async (request) => intermediaries.get(request.params.id),
  );

  app.put(
    '/api/intermediaries/:id/profile',
    {
      schema: {
        tags,
        summary: "Create or replace the intermediary's directory profile (its admins)",
        params: IdParams,
        body: ProfileBody,
        response: { 200: IntermediaryView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => intermediaries.saveProfile(requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/intermediaries/:id/help-requests',
    {
      schema: {
        tags,
        summary: 'An SME member asks this intermediary for help with one of its needs',
        params: IdParams,
        body: CreateHelpRequestBody,
        response: { 201: HelpRequestView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await helpRequests.create(requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/api/help-requests',
    {
      schema: {
        tags,
        summary: "Help requests to your intermediaries (incoming) or from your SMEs (outgoing)",
        querystring: HelpRequestListQuery,
        response: { 200: Page(HelpRequestView), ...errorResponses(400, 401) },
      },
    },
    async (request) => helpRequests.list(requireUser(request), request.query),
  );

  app.get(
    '/api/help-requests/:id',
    { schema: { tags, summary: 'One help request (members of either side)', params: IdParams, response: { 200: HelpRequestView, ...errorResponses(400, 401, 404) } } },
    async (request) => helpRequests.get(requireUser(request), request.params.id),
  );

  const actions = [
    { action: 'accept', body: AcceptBody, summary: 'The intermediary takes the request on' },
    { action: 'decline', body: DeclineBody, summary: 'The intermediary declines, saying why' },
    { action: 'answer', body: AnswerBody, summary: 'The intermediary answers' },
  ] as const;
  for (const { action, body, summary } of actions) {
    app.post(
      `/api/help-requests/:id/${action}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: HelpRequestView, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => helpRequests.act(requireUser(request), request.params.id, action, request.body),
    );
  }

  // No body: closing says nothing more (a client may still send `{}`).
  app.post(
    '/api/help-requests/:id/close',
    { schema: { tags, summary: 'The SME closes its request', params: IdParams, response: { 200: HelpRequestView, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request) => helpRequests.act(requireUser(request), request.params.id, 'close'),
  );
};

export default intermediaryRoutes;
