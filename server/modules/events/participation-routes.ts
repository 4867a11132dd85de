import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams } from '../shared/schema';
import { RecommendationView, RegisterBody, RegistrationView, UpdateRegistrationBody } from './participation-schema';

/** Registration with a participation profile, the participant list and "whom to meet". */
const participationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { registrations, recommendations } = app.services.events;
  const tags = ['events'];

  app.post(
    '/api/events/:id/registrations',
    { schema: { tags, summary: 'Register for an event with a participation profile (within the registration window)', params: IdParams, body: RegisterBody, response: { 201: RegistrationView, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request, reply) => reply.code(201).send(await registrations.register(requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/api/events/:id/registrations',
    { schema: { tags, summary: "The event's participants (participants and organizers)", params: IdParams, response: { 200: Type.Object({ items: Type.Array(RegistrationView) }), ...errorResponses(400, 401, 403, 404) } } },
    async (request) => ({ items: await registrations.list(requireUser(request), request.params.id) }),
  );

  app.get(
    '/api/events/:id/registrations/me',
    { schema: { tags, summary: 'Your registration', params: IdParams, response: { 200: RegistrationView, ...errorResponses(400, 401, 404) } } },
    async (request) => registrations.mine(requireUser(request), request.params.id),
  );

  app.patch(
    '/api/events/:id/registrations/me',
    { schema: { tags, summary: 'Edit your participation profile (until registration closes)', params: IdParams, body: UpdateRegistrationBody, response: { 200: RegistrationView, ...errorResponses(400, 401, 404, 409) } } },
    async (request) => registrations.update(requireUser(request), request.params.id, request.body),
  );

  app.delete(
    '/api/events/:id/registrations/me',
    { schema: { tags, summary: 'Withdraw (after cancelling your open requests and meetings)', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 404, 409) } } },
    async (request, reply) => {
      await registrations.withdraw(requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/events/:id/recommendations',
    { schema: { tags, summary: 'Whom to meet, best first, each with the reasons', params: IdParams, response: { 200: Type.Object({ items: Type.Array(RecommendationView) }), ...errorResponses(400, 401, 403, 404) } } },
    async (request) => ({ items: await recommendations.forUser(requireUser(request), request.params.id) }),
  );
};

export default participationRoutes;
