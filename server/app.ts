import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config';
import { textKeyword } from './modules/shared/text';
import authPlugin from './plugins/auth';
import clientPlugin from './plugins/client';
import csrfPlugin from './plugins/csrf';
import errorsPlugin from './plugins/errors';
import idempotencyPlugin from './plugins/idempotency';
import mongoPlugin from './plugins/mongo';
import openapiPlugin from './plugins/openapi';
import redisPlugin from './plugins/redis';
import sanitizePlugin from './plugins/sanitize';
import securityPlugin from './plugins/security';
import servicesPlugin from './plugins/services';
import searchPlugin from './plugins/search';
import queuesPlugin from './plugins/queues';
import websocketPlugin from './plugins/websocket';
import chatRoutes from './modules/chat/routes';
import searchRoutes from './modules/search/routes';
import matchRoutes from './modules/matches/routes';
import notificationRoutes from './modules/notifications/routes';
import adminRoutes from './modules/admin/routes';
import queueDashboard from './plugins/queue-dashboard';
import accountRoutes from './modules/accounts/routes';
import healthRoutes from './modules/health/routes';
import organizationRoutes from './modules/organizations/routes';
import verificationRoutes from './modules/organizations/verification.routes';
import researchOutputRoutes from './modules/research-outputs/routes';
import needRoutes from './modules/needs/routes';
import diagnosticRoutes from './modules/diagnostic/routes';
import accessRequestRoutes from './modules/access-requests/routes';
import eventRoutes from './modules/events/routes';
import eventParticipationRoutes from './modules/events/participation-routes';
import eventMeetingRoutes from './modules/events/meeting-routes';
import eventOrganizerRoutes from './modules/events/organizer-routes';
import eventScheduleRoutes from './modules/events/schedule-routes';
import intermediaryRoutes from './modules/intermediaries/routes';
import sectorRoutes from './modules/sectors/routes';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface BuildAppOptions {
  /** Override the logger (tests pass false). */
  logger?: boolean;
}

/** Builds the whole API from a config object. Used by server/main.ts and by tests. */
export async function buildApp(config: Config, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL },
    bodyLimit: 256 * 1024,
    // Creating every collection's indexes on a fresh database can outlast Fastify's default 10 s
    // on a busy machine; a boot that is merely slow must not fail.
    pluginTimeout: 60_000,
    trustProxy: config.TRUST_PROXY,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true }, plugins: [textKeyword] },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  await app.register(errorsPlugin);
  await app.register(csrfPlugin);
  await app.register(mongoPlugin, { uri: config.MONGODB_URI });
  await app.register(redisPlugin, { url: config.REDIS_URL });
  await app.register(servicesPlugin);
  await app.register(securityPlugin, { redisKeyPrefix: `${config.QUEUE_PREFIX}:app` });
  await app.register(sanitizePlugin);
  await app.register(openapiPlugin);
  await app.register(authPlugin);
  await app.register(idempotencyPlugin, { redisKeyPrefix: `${config.QUEUE_PREFIX}:app` });
  await app.register(searchPlugin);
  await app.register(queuesPlugin);
  await app.register(websocketPlugin);

  await app.register(healthRoutes, { readyTimeoutMs: config.READY_TIMEOUT_MS });
  await app.register(accountRoutes);
  await app.register(organizationRoutes);
  await app.register(verificationRoutes);
  await app.register(researchOutputRoutes);
  await app.register(needRoutes);
  await app.register(accessRequestRoutes);
  await app.register(eventRoutes);
  await app.register(eventParticipationRoutes);
  await app.register(eventMeetingRoutes);
  await app.register(eventOrganizerRoutes);
  await app.register(eventScheduleRoutes);
  await app.register(diagnosticRoutes);
  await app.register(intermediaryRoutes);
  await app.register(sectorRoutes);
  await app.register(searchRoutes);
  await app.register(matchRoutes);
  await app.register(notificationRoutes);
  await app.register(chatRoutes);
  await app.register(adminRoutes);
  await app.register(queueDashboard);
  await app.register(clientPlugin);

  await app.ready();
  return app;
}
