import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams } from '../shared/schema';
import { scheduleRunModel } from './schedule-model';
import { ScheduleBody, ScheduleStarted, ScheduleView } from './schedule-schema';
import { ScheduleService } from './schedule-service';

/** The organizer runs the scheduler (a BullMQ job), follows its progress, reviews the draft and publishes it. */
const scheduleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { events, meetings } = app.services.eventModels;
  const schedules = new ScheduleService({
    events,
    meetings,
    runs: scheduleRunModel(app.mongo),
    membership: app.services.eventMembership,
    notifications: app.services.notifications,
    queues: app.queues,
    redis: app.redis,
    redisPrefix: `${app.config.QUEUE_PREFIX}:app`,
    log: (message, data) => app.log.warn(data ?? {}, message),
  });
  const tags = ['events'];

  app.post(
    '/api/events/:id/schedule',
    { schema: { tags, summary: 'Run the scheduler: place accepted meetings into slots and tables as a draft (organizers)', params: IdParams, body: ScheduleBody, response: { 202: ScheduleStarted, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request, reply) => reply.code(202).send(await schedules.start(requireUser(request), request.params.id, request.body)),
  );

  app.get(
    '/api/events/:id/schedule',
    { schema: { tags, summary: "The schedule's state: progress of a running job, placed and unplaced counts, why meetings stayed unplaced (organizers)", params: IdParams, response: { 200: ScheduleView, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => schedules.view(requireUser(request), request.params.id),
  );

  app.post(
    '/api/events/:id/schedule/publish',
    { schema: { tags, summary: 'Publish the draft schedule to the participants’ agendas and notify them (organizers)', params: IdParams, response: { 200: ScheduleView, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request) => schedules.publish(requireUser(request), request.params.id),
  );
};

export default scheduleRoutes;
