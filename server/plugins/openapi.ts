import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorResponse } from '../modules/shared/schema';

/** The OpenAPI document at /api/openapi.json and interactive docs at /api/docs, from the route schemas. */
export default fp(
  async (app) => {
    app.addSchema(ErrorResponse);
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Matchbridge API',
          version: '0.1.0',
          description: 'Academia–SME collaboration matchmaking. Authenticate with the session cookie set by POST /api/auth/login.',
        },
        components: {
          securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mb_session' } },
        },
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`) },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
