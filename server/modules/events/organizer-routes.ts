import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireUser } from '../accounts/current-user';
import { errorResponses, IdParams } from '../shared/schema';
import { DashboardView } from './participation-schema';

/** The organizer's dashboard figures and CSV exports. */
const organizerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { organizer } = app.services.events;
  const tags = ['events'];

  app.get(
    '/api/events/:id/dashboard',
    { schema: { tags, summary: 'Registrations by kind and sector, requests by status, meetings scheduled and held, top pairs, outcomes', params: IdParams, response: { 200: DashboardView, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => organizer.dashboard(requireUser(request), request.params.id),
  );

  for (const what of ['participants', 'meetings'] as const) {
    app.get(
      `/api/events/:id/export/${what}.csv`,
      { schema: { tags, summary: `CSV export of the ${what} (formula-safe)`, params: IdParams, response: { 200: { description: 'CSV file', content: { 'text/csv': { schema: Type.String() } } }, ...errorResponses(400, 401, 403, 404) } } },
      async (request, reply) => {
        const user = requireUser(request);
        const csv = what === 'participants' ? await organizer.participantsCsv(user, request.params.id) : await organizer.meetingsCsv(user, request.params.id);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="event-${request.params.id}-${what}.csv"`)
          .header('cache-control', 'no-store')
          .send(csv);
      },
    );
  }
};

export default organizerRoutes;
