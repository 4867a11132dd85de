import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams, Page } from '../shared/schema';
import {
  AccessRequestListQuery,
  AccessRequestView,
  AuditEntryView,
  AuditLogQuery,
  ConfidentialDetailsView,
  CreateAccessRequestBody,
  RefuseAccessRequestBody,
} from './schema';

const accessRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { accessRequests, confidentialAccess } = app.services;
  const tags = ['access requests'];

  app.post(
    '/api/research-outputs/:id/access-requests',
    {
      schema: { tags, params: IdParams, body: CreateAccessRequestBody, response: { 201: AccessRequestView, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request, reply) => reply.code(201).send(await accessRequests.request(requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/api/access-requests',
    { schema: { tags, querystring: AccessRequestListQuery, response: { 200: Page(AccessRequestView), ...errorResponses(400, 401) } } },
    async (request) => accessRequests.list(requireUser(request), request.query),
  );

  app.post(
    '/api/access-requests/:id/grant',
    { schema: { tags, params: IdParams, response: { 200: AccessRequestView, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request) => accessRequests.decide(requireUser(request), request.params.id, 'grant'),
  );

  app.post(
    '/api/access-requests/:id/refuse',
    {
      // The reason is optional, so is the body: a bare POST is read as `{}`.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        params: IdParams,
        body: RefuseAccessRequestBody,
        response: { 200: AccessRequestView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => accessRequests.decide(requireUser(request), request.params.id, 'refuse', request.body?.reason),
  );

  app.get(
    '/api/research-outputs/:id/confidential',
    { schema: { tags, params: IdParams, response: { 200: ConfidentialDetailsView, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => confidentialAccess.read(requireUser(request), request.params.id),
  );

  app.get(
    '/api/research-outputs/:id/audit-log',
    {
      schema: { tags, params: IdParams, querystring: AuditLogQuery, response: { 200: Page(AuditEntryView), ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => confidentialAccess.auditLog(requireUser(request), request.params.id, request.query),
  );
};

export default accessRequestRoutes;
