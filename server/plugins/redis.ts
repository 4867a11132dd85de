import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    redis: Redis;
  }
}

export interface RedisPluginOptions {
  url: string;
}

/**
 * One ioredis client per app for app-level commands (readiness, rate limits, pub/sub publishing).
 * ioredis reconnects forever with backoff, so the app recovers by itself when Redis comes back.
 */
export default fp<RedisPluginOptions>(
  async (app, { url }) => {
    const redis = new Redis(url, {
      lazyConnect: true,
      // Fail commands fast while Redis is down instead of queueing them until it returns.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    });
    redis.on('error', (error) => app.log.debug({ err: error }, 'redis connection error'));
    await redis.connect();
    app.decorate('redis', redis);
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
  },
  { name: 'redis' },
);

export async function pingRedis(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') throw new Error(`connection ${redis.status}`);
  await redis.ping();
}
