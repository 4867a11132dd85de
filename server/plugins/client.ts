import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

const CLIENT_DIST = fileURLToPath(new URL('../../client/dist', import.meta.url));

/**
 * Serves the built web app (client/dist) with a single-page-app fallback: any GET outside the
 * API that is not a file gets index.html so the client router can take over. When the client has
 * not been built (API-only tests) nothing is registered.
 */
export default fp(
  async (app) => {
    if (!existsSync(`${CLIENT_DIST}/index.html`)) {
      app.log.warn('client/dist not found: the web app is not served (run `npm run build:client`)');
      return;
    }
    await app.register(fastifyStatic, { root: CLIENT_DIST, wildcard: false, index: ['index.html'] });
    app.get('/*', (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (path.startsWith('/api/') || path === '/api' || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  },
  { name: 'client' },
);
