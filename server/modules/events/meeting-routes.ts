import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams } from '../shared/schema';
import { AgendaView, FeedQuery, MeetingListQuery, MeetingParams, MeetingRequestBody, MeetingView, RatingBody, RescheduleBody } from './participation-schema';

/** Meeting requests and meetings, agendas and the iCalendar feed. */
const meetingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { meetings, desk, agenda } = app.services.events;
  const tags = ['events'];
  const changes = errorResponses(400, 401, 403, 404, 409);

  app.post(
    '/api/events/:id/meetings',
    { schema: { tags, summary: 'Request a meeting with a participant, with a reason (accepted at once in auto-accept events)', params: IdParams, body: MeetingRequestBody, response: { 201: MeetingView, ...changes } } },
    async (request, reply) => reply.code(201).send(await meetings.request(requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/api/events/:id/meetings',
    { schema: { tags, summary: 'Your meeting requests (incoming, outgoing); organizers: box=all for every meeting', params: IdParams, querystring: MeetingListQuery, response: { 200: Type.Object({ items: Type.Array(MeetingView) }), ...errorResponses(400, 401, 403, 404) } } },
    async (request) => ({ items: await meetings.list(requireUser(request), request.params.id, request.query) }),
  );

  app.get(
    '/api/events/:id/meetings/:meetingId',
    { schema: { tags, summary: 'One meeting (its two sides and the organizers)', params: MeetingParams, response: { 200: MeetingView, ...errorResponses(400, 401, 404) } } },
    async (request) => meetings.get(requireUser(request), request.params.id, request.params.meetingId),
  );

  for (const action of ['accept', 'decline', 'cancel'] as const) {
    app.post(
      `/api/events/:id/meetings/:meetingId/${action}`,
      { schema: { tags, summary: `${action[0]!.toUpperCase()}${action.slice(1)} a meeting request`, params: MeetingParams, response: { 200: MeetingView, ...changes } } },
      async (request) => meetings.act(requireUser(request), request.params.id, request.params.meetingId, action),
    );
  }

  app.post(
    '/api/events/:id/meetings/:meetingId/reschedule',
    { schema: { tags, summary: 'Move an accepted meeting to a slot where both sides and a table are free', params: MeetingParams, body: RescheduleBody, response: { 200: MeetingView, ...changes } } },
    async (request) => desk.reschedule(requireUser(request), request.params.id, request.params.meetingId, request.body),
  );

  app.post(
    '/api/events/:id/meetings/:meetingId/check-in',
    { schema: { tags, summary: 'Check in: marks an accepted meeting as held', params: MeetingParams, response: { 200: MeetingView, ...changes } } },
    async (request) => desk.checkIn(requireUser(request), request.params.id, request.params.meetingId),
  );

  app.put(
    '/api/events/:id/meetings/:meetingId/rating',
    { schema: { tags, summary: 'Rate a held meeting and record its outcome (each side once; again to change it)', params: MeetingParams, body: RatingBody, response: { 200: MeetingView, ...changes } } },
    async (request) => desk.rate(requireUser(request), request.params.id, request.params.meetingId, request.body),
  );

  app.get(
    '/api/events/:id/agenda',
    { schema: { tags, summary: 'Your agenda: accepted meetings with time, table, the other side and the reason', params: IdParams, response: { 200: AgendaView, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => agenda.agenda(requireUser(request), request.params.id),
  );

  app.get(
    '/api/events/:id/agenda.ics',
    {
      schema: {
        tags,
        summary: 'Your agenda as an iCalendar (RFC 5545) feed; authenticated by the token in the URL from GET /agenda',
        params: IdParams,
        querystring: FeedQuery,
        response: { 200: { description: 'iCalendar feed', content: { 'text/calendar': { schema: Type.String() } } }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const body = await agenda.feed(request.params.id, request.query.user, request.query.token);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  );
};

export default meetingRoutes;
