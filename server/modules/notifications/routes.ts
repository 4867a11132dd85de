import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses } from '../shared/schema';
import { MarkReadBody, NotificationListQuery, NotificationPage } from './schema';

const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { notifications } = app.services;
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    { schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationPage, ...errorResponses(400, 401) } } },
    async (request) => notifications.list(requireUser(request), request.query),
  );

  app.post(
    '/api/notifications/read',
    { schema: { tags, body: MarkReadBody, response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses(400, 401) } } },
    async (request) => ({ marked: await notifications.markRead(requireUser(request), request.body.ids) }),
  );
};

export default notificationRoutes;
