import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams } from '../shared/schema';
import { CreateEventBody, EventListQuery, EventSummary, EventView, SessionBody, SessionParams, UpdateEventBody, UpdateSessionBody } from './schema';

/** Events and their sessions (organizers write, everyone reads published events). */
const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { events } = app.services.events;
  const tags = ['events'];

  app.post(
    '/api/events',
    { schema: { tags, summary: 'Create a draft event (organizer, intermediary, university or government organizations)', body: CreateEventBody, response: { 201: EventView, ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => reply.code(201).send(await events.create(requireUser(request), request.body)),
  );

  app.get(
    '/api/events',
    { schema: { tags, summary: 'Published events, or with mine=true the events you organize or joined', querystring: EventListQuery, response: { 200: Type.Object({ items: Type.Array(EventSummary) }), ...errorResponses(400, 401) } } },
    async (request) => ({ items: await events.list(request.user, request.query) }),
  );

  app.get(
    '/api/events/:id',
    { schema: { tags, summary: 'One event with its sessions and derived slots', params: IdParams, response: { 200: EventView, ...errorResponses(400, 404) } } },
    async (request) => events.get(request.user, request.params.id),
  );

  app.patch(
    '/api/events/:id',
    { schema: { tags, summary: 'Edit an event (its organizers)', params: IdParams, body: UpdateEventBody, response: { 200: EventView, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => events.update(requireUser(request), request.params.id, request.body),
  );

  for (const action of ['publish', 'cancel'] as const) {
    app.post(
      `/api/events/:id/${action}`,
      { schema: { tags, summary: action === 'publish' ? 'Publish a draft event (opens it to registration in its window)' : 'Cancel the event', params: IdParams, response: { 200: EventView, ...errorResponses(400, 401, 403, 404, 409) } } },
      async (request) => events.setStatus(requireUser(request), request.params.id, action),
    );
  }

  app.post(
    '/api/events/:id/sessions',
    { schema: { tags, summary: 'Add a session (slot length, breaks, tables)', params: IdParams, body: SessionBody, response: { 201: EventView, ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => reply.code(201).send(await events.addSession(requireUser(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/events/:id/sessions/:sessionId',
    { schema: { tags, summary: 'Edit a session (times and tables only while no meeting is placed in it)', params: SessionParams, body: UpdateSessionBody, response: { 200: EventView, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request) => events.updateSession(requireUser(request), request.params.id, request.params.sessionId, request.body),
  );

  app.delete(
    '/api/events/:id/sessions/:sessionId',
    { schema: { tags, summary: 'Delete a session without placed meetings', params: SessionParams, response: { 200: EventView, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request) => events.deleteSession(requireUser(request), request.params.id, request.params.sessionId),
  );
};

export default eventRoutes;
