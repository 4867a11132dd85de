import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { HttpError } from './errors';

export interface SecurityOptions {
  redisKeyPrefix: string;
}

/**
 * Security headers on every response, and rate limits stored in Redis so they hold across API
 * instances. Limits are off by default and switched on per route (`config.rateLimit`), e.g. on
 * the authentication routes.
 */
export default fp<SecurityOptions>(
  async (app, { redisKeyPrefix }) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
        },
      },
    });
    await app.register(rateLimit, {
      global: false,
      redis: app.redis,
      nameSpace: `${redisKeyPrefix}:ratelimit:`,
      // Fail closed: while Redis is down the limit cannot be counted, so the limited (authentication)
      // routes answer 503 with Retry-After (the errors plugin) rather than allow unlimited guessing.
      skipOnError: false,
      // Thrown by the plugin, so the errors plugin renders it in the standard shape.
      errorResponseBuilder: (_request, context) =>
        new HttpError(429, 'rate_limited', `Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
    });
  },
  { name: 'security', dependencies: ['redis'] },
);
