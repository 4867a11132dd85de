import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { HttpError } from './errors';

export interface SecurityOptions {
  redisKeyPrefix: string;
}

/**
 * Security headers on every response (CSP, and HSTS when served over https), and rate limits stored in Redis so they hold across API
 * instances. Limits are off by default and switched on per route (`config.rateLimit`), e.g. on
 * the authentication routes.
 */
export default fp<SecurityOptions>(
  async (app, { redisKeyPrefix }) => {
    // Over plain HTTP (a LAN host name, a demo box) upgrade-insecure-requests makes the browser
    // fetch the app's own scripts over https, which fails: a blank page. HSTS would pin a host that
    // has no TLS. Both are sent only when the app is served over https.
    const https = new URL(app.config.PUBLIC_URL).protocol === 'https:';
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
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
