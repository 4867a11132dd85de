import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams, Page } from '../shared/schema';
import {
  AcceptInvitationBody,
  CreateOrganizationBody,
  InvitationView,
  InviteBody,
  MemberView,
  OrganizationListQuery,
  OrganizationView,
  UpdateOrganizationBody,
} from './schema';

const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { organizations } = app.services;
  const tags = ['organizations'];

  app.post(
    '/api/organizations',
    { schema: { tags, body: CreateOrganizationBody, response: { 201: OrganizationView, ...errorResponses(400, 401, 409) } } },
    async (request, reply) => reply.code(201).send(await organizations.create(requireUser(request), request.body)),
  );

  app.get(
    '/api/organizations',
    { schema: { tags, querystring: OrganizationListQuery, response: { 200: Page(OrganizationView), ...errorResponses(400) } } },
    async (request) => organizations.list(request.query),
  );

  app.get(
    '/api/organizations/:id',
    { schema: { tags, params: IdParams, response: { 200: OrganizationView, ...errorResponses(400, 404) } } },
    async (request) => organizations.get(request.params.id),
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: { tags, params: IdParams, body: UpdateOrganizationBody, response: { 200: OrganizationView, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => organizations.update(requireUser(request), request.params.id, request.body),
  );

  app.get(
    '/api/organizations/:id/members',
    { schema: { tags, params: IdParams, response: { 200: Type.Array(MemberView), ...errorResponses(400, 401, 403, 404) } } },
    async (request) => organizations.members(requireUser(request), request.params.id),
  );

  app.post(
    '/api/organizations/:id/invitations',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 hour' } },
      schema: { tags, params: IdParams, body: InviteBody, response: { 201: InvitationView, ...errorResponses(400, 401, 403, 404, 429) } },
    },
    async (request, reply) =>
      reply.code(201).send(await organizations.invite(requireUser(request), request.params.id, request.body.email, request.body.role)),
  );

  app.post(
    '/api/invitations/accept',
    { schema: { tags, body: AcceptInvitationBody, response: { 200: OrganizationView, ...errorResponses(400, 401, 403) } } },
    async (request) => organizations.acceptInvitation(requireUser(request), request.body.token),
  );
};

export default organizationRoutes;
