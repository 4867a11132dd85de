import fp from 'fastify-plugin';
import { createServices, ensureIndexes, type Services } from '../services';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Builds the domain services on this app's connections and makes sure their indexes exist. */
export default fp(
  async (app) => {
    const services = createServices({
      mongo: app.mongo,
      redis: app.redis,
      config: app.config,
      log: (message, data) => app.log.info(data ?? {}, message),
    });
    await ensureIndexes(app.mongo);
    app.decorate('services', services);
  },
  { name: 'services', dependencies: ['mongo', 'redis'] },
);
